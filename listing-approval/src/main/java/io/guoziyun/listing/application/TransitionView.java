package io.guoziyun.listing.application;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One step of the timeline. */
@Schema(name = "ApplicationTransition")
public record TransitionView(
        int seq,
        @Schema(example = "determination") String action,
        Stage fromStage,
        Stage toStage,
        String actor,
        String actorRole,
        LocalDate occurredOn,
        Instant occurredAt,
        String reason,
        String accessionNumber) {

    /** The step without who took it and why: the regulators' deliberation, as a firm sees it. */
    TransitionView withoutActorAndReason() {
        return new TransitionView(
                seq, action, fromStage, toStage, null, actorRole, occurredOn, occurredAt, null, accessionNumber);
    }

    static TransitionView of(Transition t) {
        return new TransitionView(
                t.seq,
                t.action.path(),
                t.fromStage,
                t.toStage,
                t.actor,
                t.actorRole,
                t.occurredOn,
                t.occurredAt,
                t.reason,
                t.accessionNumber);
    }
}
