package io.guoziyun.gateway.route;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** The gateway's route table: each path prefix and the service that answers below it. */
@ConfigMapping(prefix = "gateway")
public interface RouteTable {

    /** Routes by name, e.g. {@code gateway.routes.contracts.prefix=/api/v1/contracts}. */
    Map<String, Route> routes();

    /** Connections kept open to each service; a bounded pool that never leaks is what keeps the proxy alive. */
    @WithDefault("64")
    int maxConnectionsPerService();

    interface Route {
        /** A path prefix without trailing slash; it and everything below it go to {@link #url()}. */
        String prefix();

        /** Base URL of the service, e.g. {@code http://localhost:8081}. */
        URI url();

        /** Longest wait for a connection to the service. */
        @WithDefault("PT2S")
        Duration connectTimeout();

        /** Longest silence on an open exchange before it is given up. */
        @WithDefault("PT30S")
        Duration timeout();
    }
}
