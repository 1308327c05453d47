package io.guoziyun.inventory.server;

import java.util.EnumSet;
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
}
