package io.guoziyun.listing.application;

import io.guoziyun.listing.gate.ComplianceGate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the compliance gate saw at one moment. */
@Schema(name = "GateSnapshot")
public record SnapshotView(
        UUID id,
        Instant takenAt,
        LocalDate takenOn,
        @Schema(example = "submission") String trigger,
        String takenBy,

        @Schema(description = "Open findings of the rules that bar clearance")
        int blockingCount,

        @Schema(description = "Each open finding seen: its service, the finding, whether it bars clearance")
        List<ComplianceGate.GateFinding> findings) {}
