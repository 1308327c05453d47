package io.guoziyun.commons.metrics;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Counts every filing — a write to the API — by operation (its OpenAPI operationId) and outcome
 * ({@code guoziyun_filings_total}). The answer
 * is counted, so the write's transaction has already committed or rolled back.
 */
public class FilingCounter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final DomainMetrics metrics;

    public FilingCounter(DomainMetrics metrics) {
        this.metrics = metrics;
    }

    @ServerResponseFilter
    public void count(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        if (!WRITES.contains(request.getMethod()) || resource == null || resource.getResourceMethod() == null) {
            return; // a read, or no operation matched (404/405): not a filing
        }
        Operation operation = resource.getResourceMethod().getAnnotation(Operation.class);
        String type = operation != null && !operation.operationId().isEmpty()
                ? operation.operationId()
                : resource.getResourceClass().getSimpleName() + "."
                        + resource.getResourceMethod().getName();
        metrics.filing(type, response.getStatus());
    }
}
