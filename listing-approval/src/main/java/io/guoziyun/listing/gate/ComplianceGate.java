package io.guoziyun.listing.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.request.RequestId;
import io.guoziyun.listing.application.GateSnapshot;
import io.guoziyun.listing.application.ListingApplication;
import io.guoziyun.listing.review.ReviewClock;
import io.guoziyun.listing.review.ReviewPolicy;
import io.guoziyun.problem.Problem;
import io.guoziyun.problem.StateConflict;
import io.guoziyun.problem.Unavailable;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Asks contract-registry and asset-inventory for a firm's open findings, with the caller's own token, and keeps
 * what it saw as a snapshot on the application. Either service down: 503 and nothing changes.
 */
@RequestScoped
public class ComplianceGate {

    /** A service's circuit opens for seconds, not minutes: a retry after this may find it answering. */
    static final long RETRY_AFTER_SECONDS = 10;
    /** Too many open findings to read: resolving them takes days, not seconds. */
    static final long TOO_MANY_RETRY_AFTER_SECONDS = 3600;

    /** One open finding as the gate saw it, with the service it came from and whether it bars clearance. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "GateFinding")
    public record GateFinding(String service, RemoteFinding finding, boolean blocking) {}

    /** What the gate saw, and the findings among them that bar clearance. */
    public record OpenFindings(List<GateFinding> all) {
        public List<GateFinding> blocking() {
            return all.stream().filter(GateFinding::blocking).toList();
        }

        /** 409: clearance refused while blocking findings are open, each named with its service. */
        public StateConflict refusalToClear() {
            List<GateFinding> blocking = blocking();
            String rules = blocking.stream()
                    .map(f -> f.finding().rule())
                    .distinct()
                    .sorted()
                    .collect(Collectors.joining(", "));
            return StateConflict.because(
                    "Cannot clear: the firm has " + blocking.size() + " open finding(s) of " + rules
                            + "; see the application's snapshots",
                    blocking.stream()
                            .map(f -> new Problem.FieldError(
                                    f.service(),
                                    f.finding().rule() + " finding "
                                            + f.finding().id() + " on "
                                            + f.finding().subjectId() + ", open since "
                                            + f.finding().detectedOn()))
                            .toList());
        }
    }

    private final FindingSources sources;
    private final ReviewPolicy policy;
    private final ReviewClock clock;
    private final Caller caller;
    private final JsonWebToken token;
    private final RequestId requestId;
    private final ObjectMapper json;

    public ComplianceGate(
            FindingSources sources,
            ReviewPolicy policy,
            ReviewClock clock,
            Caller caller,
            JsonWebToken token,
            RequestId requestId,
            ObjectMapper json) {
        this.sources = sources;
        this.policy = policy;
        this.clock = clock;
        this.caller = caller;
        this.token = token;
        this.requestId = requestId;
        this.json = json;
    }

    /** The firm's open findings now, or 503 when a service cannot answer. Changes nothing. */
    public OpenFindings openFindings(String firmId) {
        String authorization = "Bearer " + token.getRawToken();
        String id = requestId.value();
        List<GateFinding> seen = new ArrayList<>();
        ask("contract-registry", () -> sources.contractFindings(firmId, authorization, id), seen);
        ask("asset-inventory", () -> sources.inventoryFindings(firmId, authorization, id), seen);
        return new OpenFindings(List.copyOf(seen));
    }

    /** The snapshot of what {@link #openFindings} saw, for the caller to persist with its change. */
    public GateSnapshot snapshot(ListingApplication app, String trigger, OpenFindings seen) {
        try {
            return GateSnapshot.of(
                    app,
                    trigger,
                    clock.today(),
                    caller.name(),
                    seen.blocking().size(),
                    json.writeValueAsString(seen.all()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a gate snapshot", e);
        }
    }

    private void ask(String service, Supplier<List<RemoteFinding>> call, List<GateFinding> seen) {
        List<RemoteFinding> findings;
        try {
            findings = call.get();
        } catch (FindingSources.TooManyFindings e) {
            Log.warnf("compliance gate: %s has %s for the firm; failing closed", service, e.getMessage());
            throw new Unavailable(
                    "The compliance gate cannot see every open finding of the firm: " + service + " has "
                            + e.getMessage() + ", more than the gate reads. It does not decide on part of the "
                            + "record: no decision is possible until findings are resolved. Nothing was changed.",
                    TOO_MANY_RETRY_AFTER_SECONDS);
        } catch (RuntimeException e) {
            Log.warnf("compliance gate: %s did not answer: %s", service, e.toString());
            throw new Unavailable(
                    "The compliance gate cannot read the firm's findings: " + service
                            + " is not answering. Nothing was changed; try again shortly.",
                    RETRY_AFTER_SECONDS);
        }
        for (RemoteFinding f : findings) {
            seen.add(new GateFinding(service, f, policy.blockingRules().contains(f.rule())));
        }
    }
}
