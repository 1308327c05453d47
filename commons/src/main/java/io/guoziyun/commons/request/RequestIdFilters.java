package io.guoziyun.commons.request;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Accepts or makes the request id, puts it in every log line of the request, and returns it to the caller. */
public class RequestIdFilters {

    private final RequestId requestId;

    public RequestIdFilters(RequestId requestId) {
        this.requestId = requestId;
    }

    @ServerRequestFilter(preMatching = true)
    public void accept(ContainerRequestContext request) {
        requestId.accept(request.getHeaderString(RequestId.HEADER));
        MDC.put("requestId", requestId.value());
    }

    @ServerResponseFilter
    public void echo(ContainerResponseContext response) {
        response.getHeaders().putSingle(RequestId.HEADER, requestId.value());
    }
}
