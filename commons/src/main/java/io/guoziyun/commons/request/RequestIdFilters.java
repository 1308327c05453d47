package io.guoziyun.commons.request;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Accepts or makes the request id, puts it in every log line of the request, and returns it to the caller; answers
 * OPTIONS with the path's methods.
 */
public class RequestIdFilters {

    private final RequestId requestId;
    private final AllowedMethods allowed;

    public RequestIdFilters(RequestId requestId, AllowedMethods allowed) {
        this.requestId = requestId;
        this.allowed = allowed;
    }

    /** OPTIONS answers the methods the path really has (RFC 9110 §9.3.7), from the resources themselves. */
    @ServerRequestFilter(preMatching = true)
    public Response options(ContainerRequestContext request) {
        if (!"OPTIONS".equals(request.getMethod())) {
            return null;
        }
        String allow = allowed.allowFor(request.getUriInfo().getPath());
        return allow == null
                ? null
                : Response.noContent()
                        .header(HttpHeaders.ALLOW, allow)
                        .header(RequestId.HEADER, requestId.value())
                        .build();
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
