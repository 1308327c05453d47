package io.guoziyun.commons.rest;

import io.guoziyun.commons.concurrency.Versions;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** What a change or a read answers: the resource as the API shows it, and its version for the ETag. */
public record Versioned<T>(T body, long version) {

    public Response ok() {
        return Response.ok(body).tag(Versions.etag(version)).build();
    }

    public Response created(URI location) {
        return Response.created(location)
                .tag(Versions.etag(version))
                .entity(body)
                .build();
    }
}
