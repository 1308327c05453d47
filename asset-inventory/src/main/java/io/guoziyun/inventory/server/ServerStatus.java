package io.guoziyun.inventory.server;

import java.util.Set;

public enum ServerStatus {
    PLANNED,
    ACTIVE,
    DECOMMISSIONING,
    DECOMMISSIONED,
    MIGRATED;

    /** Statuses that take an evidence note: the firm must show the server is really going or gone. */
    public static final Set<ServerStatus> NEED_EVIDENCE = Set.of(DECOMMISSIONING, DECOMMISSIONED, MIGRATED);

    /** The server no longer runs on the firm's own hardware estate. */
    public boolean isGone() {
        return this == DECOMMISSIONED || this == MIGRATED;
    }

    /** Forward moves only: PLANNED → ACTIVE → DECOMMISSIONING → DECOMMISSIONED or MIGRATED (ACTIVE may migrate). */
    public boolean canMoveTo(ServerStatus next) {
        return switch (this) {
            case PLANNED -> next == ACTIVE || next == DECOMMISSIONED;
            case ACTIVE -> next == DECOMMISSIONING || next == MIGRATED || next == DECOMMISSIONED;
            case DECOMMISSIONING -> next == DECOMMISSIONED || next == MIGRATED;
            case DECOMMISSIONED, MIGRATED -> false;
        };
    }
}
