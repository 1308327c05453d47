package io.guoziyun.listing.application;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
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

        @Schema(
                type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                description = "Each open finding seen: its service, the finding, whether it bars clearance")
        JsonNode findings) {}
