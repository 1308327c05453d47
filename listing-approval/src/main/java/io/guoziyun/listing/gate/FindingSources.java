package io.guoziyun.listing.gate;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The two services the gate asks, each behind its own timeout and circuit breaker: a service that is down or slow
 * fails the call within seconds, and after repeated failures at once until it answers again.
 */
@ApplicationScoped
public class FindingSources {

    static final int PAGE_SIZE = 200;
    /** More open findings than this for one firm is itself a reason not to clear; the gate stops reading there. */
    static final int MAX_PAGES = 50;

    private final ContractFindingsClient contracts;
    private final InventoryFindingsClient inventory;

    public FindingSources(@RestClient ContractFindingsClient contracts, @RestClient InventoryFindingsClient inventory) {
        this.contracts = contracts;
        this.inventory = inventory;
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public List<RemoteFinding> contractFindings(String firmId, String authorization, String requestId) {
        return readAll(page -> contracts.open(authorization, requestId, firmId, "OPEN", page, PAGE_SIZE));
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public List<RemoteFinding> inventoryFindings(String firmId, String authorization, String requestId) {
        return readAll(page -> inventory.open(authorization, requestId, firmId, "OPEN", page, PAGE_SIZE));
    }

    private static List<RemoteFinding> readAll(IntFunction<RemoteFinding.Page> pages) {
        List<RemoteFinding> all = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            RemoteFinding.Page answer = pages.apply(page);
            all.addAll(answer.items());
            if (page + 1 >= answer.totalPages()) {
                break;
            }
        }
        return all;
    }
}
