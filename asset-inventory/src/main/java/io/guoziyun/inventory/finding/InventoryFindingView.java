package io.guoziyun.inventory.finding;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A finding as of a date: open or resolved then. */
@Schema(name = "InventoryFinding")
public record InventoryFindingView(
        UUID id,
        @Schema(example = "AI-2") String rule,
        String title,
        String severity,
        String firmId,
        @Schema(description = "site or server") String subjectType,
        UUID subjectId,
        @Schema(description = "OPEN or RESOLVED as of asOf") String status,
        LocalDate asOf,
        LocalDate detectedOn,

        @Schema(description = "Only when resolved on or before asOf")
        LocalDate resolvedOn,

        @Schema(description = "The facts the finding was decided on")
        JsonNode inputs) {

    static InventoryFindingView of(InventoryFinding f, LocalDate asOf, JsonNode inputs) {
        boolean resolved = f.resolvedOn != null && !f.resolvedOn.isAfter(asOf);
        return new InventoryFindingView(
                f.id,
                f.rule,
                InventoryRule.ofCode(f.rule).title(),
                f.severity,
                f.firmId,
                f.subjectType,
                f.subjectId,
                resolved ? "RESOLVED" : "OPEN",
                asOf,
                f.detectedOn,
                resolved ? f.resolvedOn : null,
                inputs);
    }
}
