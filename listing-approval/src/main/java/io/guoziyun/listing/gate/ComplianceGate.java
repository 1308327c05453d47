package io.guoziyun.listing.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.problem.ProblemException;
import io.guoziyun.commons.request.RequestId;
import io.guoziyun.listing.application.GateSnapshot;
import io.guoziyun.listing.application.ListingApplication;
import io.guoziyun.listing.review.ReviewClock;
import io.guoziyun.listing.review.ReviewPolicy;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.RequestScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Asks contract-registry and asset-inventory for a firm's open findings, with the caller's own token, and keeps
 * what it saw as a snapshot on the application. Either service down: 503 and nothing changes.
 */
@RequestScoped
public class ComplianceGate {

    /** One open finding as the gate saw it, with the service it came from and whether it bars clearance. */
    public record SeenFinding(String service, RemoteFinding finding, boolean blocking) {}

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
    public List<SeenFinding> look(String firmId) {
        String authorization = "Bearer " + token.getRawToken();
        String id = requestId.value();
        List<SeenFinding> seen = new ArrayList<>();
        ask("contract-registry", () -> sources.contractFindings(firmId, authorization, id), seen);
        ask("asset-inventory", () -> sources.inventoryFindings(firmId, authorization, id), seen);
        return seen;
    }

    /** The snapshot of what {@link #look} saw, for the caller to persist with its change. */
    public GateSnapshot snapshot(ListingApplication app, String trigger, List<SeenFinding> seen) {
        GateSnapshot snapshot = new GateSnapshot();
        snapshot.id = UUID.randomUUID();
        snapshot.firmId = app.firmId;
        snapshot.applicationId = app.id;
        snapshot.takenAt = Instant.now();
        snapshot.takenOn = clock.today();
        snapshot.trigger = trigger;
        snapshot.takenBy = caller.name();
        snapshot.blockingCount =
                (int) seen.stream().filter(SeenFinding::blocking).count();
        try {
            snapshot.findings = json.writeValueAsString(seen);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a gate snapshot", e);
        }
        return snapshot;
    }

    private void ask(String service, Supplier<List<RemoteFinding>> call, List<SeenFinding> seen) {
        List<RemoteFinding> findings;
        try {
            findings = call.get();
        } catch (RuntimeException e) {
            Log.warnf("compliance gate: %s did not answer: %s", service, e.toString());
            throw new ProblemException(
                    503,
                    "Service Unavailable",
                    "The compliance gate cannot read the firm's findings: " + service
                            + " is not answering. Nothing was changed; try again shortly.");
        }
        for (RemoteFinding f : findings) {
            seen.add(new SeenFinding(service, f, policy.blockingRules().contains(f.rule())));
        }
    }
}
