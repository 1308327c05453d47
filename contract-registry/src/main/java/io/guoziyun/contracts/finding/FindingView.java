package io.guoziyun.contracts.finding;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A finding as of a date: open or resolved then, and for CR-3 how many days overdue. */
@Schema(name = "ContractFinding")
public record FindingView(
        UUID id,
        @Schema(example = "CR-3") String rule,
        String title,
        FindingRule.Severity severity,
        String firmId,
        @Schema(description = "The contract") UUID subjectId,

        @Schema(description = "The renewal that caused a CR-2 finding")
        UUID causeId,

        @Schema(description = "OPEN or RESOLVED as of asOf") Status status,
        LocalDate asOf,
        LocalDate detectedOn,

        @Schema(description = "Only when resolved on or before asOf")
        LocalDate resolvedOn,

        @Schema(description = "CR-3: the migration deadline")
        LocalDate deadline,

        @Schema(description = "CR-3: days past the deadline as of asOf, or until resolved")
        Long daysOverdue,

        @Schema(description = "The facts the finding was decided on")
        JsonNode inputs) {

    public enum Status {
        OPEN,
        RESOLVED
    }

    static FindingView of(ContractFinding f, LocalDate asOf, JsonNode inputs) {
        boolean resolved = f.resolvedOn != null && !f.resolvedOn.isAfter(asOf);
        FindingRule rule = FindingRule.ofCode(f.rule);
        Long overdue = f.deadline == null ? null : ChronoUnit.DAYS.between(f.deadline, resolved ? f.resolvedOn : asOf);
        return new FindingView(
                f.id,
                f.rule,
                rule.title(),
                rule.severity(),
                f.firmId,
                f.subjectId,
                f.causeId,
                resolved ? Status.RESOLVED : Status.OPEN,
                asOf,
                f.detectedOn,
                resolved ? f.resolvedOn : null,
                f.deadline,
                overdue,
                inputs);
    }
}
