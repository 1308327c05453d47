package io.guoziyun.commons.finding;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A finding as of a date: open or resolved then, and where the rule sets a deadline, how many days overdue. */
@Schema(name = "Finding")
public record FindingView(
        UUID id,
        @Schema(example = "CR-3") String rule,
        String title,
        Severity severity,
        String firmId,

        @Schema(description = "contract, site or server", example = "contract")
        String subjectType,

        @Schema(description = "The contract, site or server")
        UUID subjectId,

        @Schema(description = "What caused it, when one subject can break the rule more than once (a CR-2 renewal)")
        UUID causeId,

        @Schema(description = "OPEN or RESOLVED as of asOf") FindingStatus status,
        LocalDate asOf,
        LocalDate detectedOn,

        @Schema(description = "Only when resolved on or before asOf")
        LocalDate resolvedOn,

        @Schema(description = "Why it was resolved, only when resolved on or before asOf; findings are never deleted")
        Resolution resolution,

        @Schema(
                description = "CR-3: the migration deadline — two months after the contract's lawful end, moved to"
                        + " the next working day when that is a rest day (Civil Code Art. 203, ADR 0003; the reading"
                        + " in force is the inputs' deadlineOnRestDay), and never after the final deadline")
        LocalDate deadline,

        @Schema(
                description = "CR-3: the first day overdue — the day after the deadline, but never before the"
                        + " directive's effective date nor the contract's signing (ADR 0004)")
        LocalDate overdueSince,

        @Schema(
                description = "CR-3: days overdue as of asOf (or until resolved), the first day overdue counting as"
                        + " one: days before the directive never count (ADR 0004)")
        Long daysOverdue,

        @Schema(description = "The facts the finding was decided on, by name")
        Map<String, String> inputs) {

    public static FindingView of(FindingRecord f, Rule rule, LocalDate asOf, Map<String, String> inputs) {
        boolean resolved = OpenAsOf.isResolved(f.resolvedOn, asOf);
        LocalDate deadline = f.deadline();
        LocalDate overdueSince = deadline == null ? null : f.detectedOn;
        Long overdue = deadline == null ? null : daysOverdue(overdueSince, resolved ? f.resolvedOn : asOf);
        return new FindingView(
                f.id,
                f.rule,
                rule.title(),
                f.severity,
                f.firmId,
                f.subjectType(),
                f.subjectId,
                f.causeId(),
                resolved ? FindingStatus.RESOLVED : FindingStatus.OPEN,
                asOf,
                f.detectedOn,
                resolved ? f.resolvedOn : null,
                resolved ? f.resolution : null,
                deadline,
                overdueSince,
                overdue,
                inputs);
    }

    /** Days overdue on {@code asOf} for a finding overdue since {@code overdueSince}: that day counts as one. */
    public static long daysOverdue(LocalDate overdueSince, LocalDate asOf) {
        return ChronoUnit.DAYS.between(overdueSince.minusDays(1), asOf);
    }
}
