package io.guoziyun.listing.gate;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The two services the gate asks, each behind its own timeout and circuit breaker: a service that is down or slow
 * fails the call within seconds, and after repeated failures at once until it answers again. A read that fails on
 * the way (a connection refused or cut, no answer in time: a replica just restarted and still cold, one stopped
 * under a pooled connection) is tried once more before the gate answers 503; the findings lists are reads, so a
 * second try changes nothing. Two tries of at most 2.5 s each: the caller has an answer within about 5 s.
 */
@ApplicationScoped
public class FindingSources {

    static final int PAGE_SIZE = 200;
    /**
     * The gate reads at most this many pages of one firm's open findings (10,000), each by the cursor of the one
     * before (an index range: no count, no offset). A firm with more cannot be decided on by the gate: it fails
     * closed ({@link TooManyFindings}) rather than decide on what it saw.
     */
    public static final int MAX_PAGES = 50;

    /** More open findings than the gate reads: it has not seen them all, so it must not decide. */
    public static class TooManyFindings extends RuntimeException {
        TooManyFindings(String message) {
            super(message, null, false, false);
        }
    }

    private final FindingsClient contracts;
    private final FindingsClient inventory;

    public FindingSources(
            @ConfigProperty(name = "quarkus.rest-client.contract-registry.url") URI contractRegistry,
            @ConfigProperty(name = "quarkus.rest-client.asset-inventory.url") URI assetInventory,
            @ConfigProperty(name = "guoziyun.gate.connect-timeout", defaultValue = "1000") long connectMillis,
            @ConfigProperty(name = "guoziyun.gate.read-timeout", defaultValue = "2000") long readMillis) {
        this.contracts = client(contractRegistry, connectMillis, readMillis);
        this.inventory = client(assetInventory, connectMillis, readMillis);
    }

    private static FindingsClient client(URI base, long connectMillis, long readMillis) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(base)
                .connectTimeout(connectMillis, TimeUnit.MILLISECONDS)
                .readTimeout(readMillis, TimeUnit.MILLISECONDS)
                .build(FindingsClient.class);
    }

    @Retry(
            maxRetries = 1,
            delay = 100,
            retryOn = {ProcessingException.class, TimeoutException.class},
            abortOn = {TooManyFindings.class, CircuitBreakerOpenException.class})
    @Timeout(value = 2500, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(
            requestVolumeThreshold = 4,
            failureRatio = 0.5,
            delay = 10,
            delayUnit = ChronoUnit.SECONDS,
            skipOn = TooManyFindings.class)
    public List<RemoteFinding> contractFindings(String firmId, String authorization, String requestId) {
        return readAll(cursor ->
                contracts.open("contract-findings", authorization, requestId, firmId, "OPEN", cursor, PAGE_SIZE));
    }

    @Retry(
            maxRetries = 1,
            delay = 100,
            retryOn = {ProcessingException.class, TimeoutException.class},
            abortOn = {TooManyFindings.class, CircuitBreakerOpenException.class})
    @Timeout(value = 2500, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(
            requestVolumeThreshold = 4,
            failureRatio = 0.5,
            delay = 10,
            delayUnit = ChronoUnit.SECONDS,
            skipOn = TooManyFindings.class)
    public List<RemoteFinding> inventoryFindings(String firmId, String authorization, String requestId) {
        return readAll(cursor ->
                inventory.open("inventory-findings", authorization, requestId, firmId, "OPEN", cursor, PAGE_SIZE));
    }

    /** Every page, or {@link TooManyFindings} when more remain after {@link #MAX_PAGES}: never a silent stop. */
    static List<RemoteFinding> readAll(Function<String, RemoteFinding.Page> pages) {
        List<RemoteFinding> all = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            RemoteFinding.Page answer = pages.apply(cursor);
            all.addAll(answer.items());
            cursor = answer.nextCursor();
            if (cursor == null) {
                return all;
            }
        }
        throw new TooManyFindings("more than " + MAX_PAGES * PAGE_SIZE + " open findings");
    }
}
