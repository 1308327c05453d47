package io.guoziyun.inventory.server;

import io.guoziyun.problem.Problem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A server's life: it moves only forward, except by a regulator's correction. */
public enum ServerStatus {
    PLANNED,
    ACTIVE,
    DECOMMISSIONING,
    DECOMMISSIONED,
    MIGRATED;

    /** Statuses that take an evidence note: the firm must show the server is really going or gone. */
    public static final Set<ServerStatus> NEED_EVIDENCE = Set.of(DECOMMISSIONING, DECOMMISSIONED, MIGRATED);

    /** Where a firm may move a server from each status: PLANNED → ACTIVE → DECOMMISSIONING → gone; ACTIVE may go. */
    private static final Map<ServerStatus, Set<ServerStatus>> FORWARD = Map.of(
            PLANNED, EnumSet.of(ACTIVE, DECOMMISSIONED),
            ACTIVE, EnumSet.of(DECOMMISSIONING, MIGRATED, DECOMMISSIONED),
            DECOMMISSIONING, EnumSet.of(DECOMMISSIONED, MIGRATED),
            DECOMMISSIONED, EnumSet.noneOf(ServerStatus.class),
            MIGRATED, EnumSet.noneOf(ServerStatus.class));

    /** The server no longer runs on the firm's own hardware estate. */
    public boolean isGone() {
        return this == DECOMMISSIONED || this == MIGRATED;
    }

    public boolean canMoveTo(ServerStatus next) {
        return FORWARD.get(this).contains(next);
    }

    /**
     * What declaring a server in this status needs, the one rule for every entry point: a status a server reaches
     * by going (decommissioning, decommissioned, migrated) needs the day it got there, on or after its acquisition,
     * and the evidence of it — else AI-2 could be dodged by declaring a purchase gone on the day it was bought.
     * Answers the missing fields, none when the declaration may stand.
     */
    public List<Problem.FieldError> declarationNeeds(LocalDate statusOn, String evidence, LocalDate acquiredOn) {
        if (!NEED_EVIDENCE.contains(this)) {
            return List.of();
        }
        List<Problem.FieldError> missing = new ArrayList<>();
        if (statusOn == null) {
            missing.add(new Problem.FieldError("statusOn", "the day the server became " + this + " is required"));
        } else if (acquiredOn != null && statusOn.isBefore(acquiredOn)) {
            missing.add(new Problem.FieldError(
                    "statusOn", "must not be before the server was acquired (" + acquiredOn + ")"));
        }
        if (evidence == null || evidence.isBlank()) {
            missing.add(new Problem.FieldError("evidence", "a server declared " + this + " needs evidence"));
        }
        return missing;
    }
}
