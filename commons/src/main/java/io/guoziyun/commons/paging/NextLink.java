package io.guoziyun.commons.paging;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.UriBuilder;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Completes a {@link Page} with its {@code next} link and the same as an RFC 8288 {@code Link} header: the request's
 * own path and query, the cursor replaced. Relative, so that it holds through the gateway, which keeps the paths.
 */
public class NextLink {

    @ServerResponseFilter
    public void link(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Page<?> page) || page.nextCursor() == null) {
            return;
        }
        var uri = UriBuilder.fromUri(request.getUriInfo().getRequestUri())
                .replaceQueryParam("cursor", page.nextCursor())
                .build();
        String link = uri.getRawPath() + "?" + uri.getRawQuery();
        response.setEntity(page.withNext(link));
        response.getHeaders().add("Link", "<" + link + ">; rel=\"next\"");
    }
}
