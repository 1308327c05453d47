package io.guoziyun.contracts.finding;

import io.guoziyun.commons.policy.DirectivePolicy;
import io.guoziyun.contracts.provider.Classification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The directive's rules on one contract, as a pure function of its dated facts. Every finding carries the date
 * from which the rule is broken ({@code detectedOn}) and the date it stopped being broken ({@code resolvedOn}),
 * both taken from the data, so the findings as of any date are those detected by then and not resolved by then.
 */
public final class ContractRules {

    private final LocalDate effectiveDate;
    private final java.time.Period grace;
    private final LocalDate finalDeadline;

    public ContractRules(DirectivePolicy policy) {
        this(policy.effectiveDate(), policy.migrationGrace(), policy.finalDeadline());
    }

    public ContractRules(LocalDate effectiveDate, java.time.Period grace, LocalDate finalDeadline) {
        this.effectiveDate = effectiveDate;
        this.grace = grace;
        this.finalDeadline = finalDeadline;
    }

    /** What a contract's findings are decided on. */
    public record Facts(
            Classification classification,
            LocalDate signedOn,
            LocalDate endsOn,
            LocalDate terminatedOn,
            LocalDate migratedOn,
            LocalDate planFiledOn,
            List<Renewal> renewals) {}

    public record Renewal(UUID id, LocalDate renewedOn, LocalDate newEndsOn) {}

    public record Finding(
            ContractRule rule,
            UUID causeId,
            LocalDate detectedOn,
            LocalDate resolvedOn,
            LocalDate deadline,
            Map<String, Object> inputs) {}

    /**
     * The date by which a third-party contract must be migrated or terminated: two months (the grace) after its
     * lawful end, and never after the final deadline. Renewals made on or after the effective date do not move it
     * (they are findings themselves); a contract without an end date has the final deadline.
     */
    public Optional<LocalDate> migrationDeadline(Facts c) {
        if (c.classification() != Classification.THIRD_PARTY) {
            return Optional.empty();
        }
        LocalDate lawfulEnd = c.endsOn();
        for (Renewal r : c.renewals()) {
            if (r.renewedOn().isBefore(effectiveDate)
                    && lawfulEnd != null
                    && r.newEndsOn().isAfter(lawfulEnd)) {
                lawfulEnd = r.newEndsOn();
            }
        }
        if (lawfulEnd == null) {
            return Optional.of(finalDeadline);
        }
        LocalDate afterGrace = lawfulEnd.plus(grace);
        return Optional.of(afterGrace.isBefore(finalDeadline) ? afterGrace : finalDeadline);
    }

    public List<Finding> evaluate(Facts c) {
        List<Finding> findings = new ArrayList<>();
        if (c.classification() != Classification.THIRD_PARTY) {
            return findings;
        }
        LocalDate endedOn = earliest(c.terminatedOn(), c.migratedOn());

        if (!c.signedOn().isBefore(effectiveDate)) {
            findings.add(new Finding(
                    ContractRule.CR_1,
                    null,
                    c.signedOn(),
                    notBefore(endedOn, c.signedOn()),
                    null,
                    inputs("signedOn", c.signedOn(), "effectiveDate", effectiveDate, "endedOn", endedOn)));
        }

        for (Renewal r : c.renewals()) {
            if (!r.renewedOn().isBefore(effectiveDate)) {
                findings.add(new Finding(
                        ContractRule.CR_2,
                        r.id(),
                        r.renewedOn(),
                        notBefore(endedOn, r.renewedOn()),
                        null,
                        inputs(
                                "renewedOn",
                                r.renewedOn(),
                                "newEndsOn",
                                r.newEndsOn(),
                                "effectiveDate",
                                effectiveDate,
                                "endedOn",
                                endedOn)));
            }
        }

        LocalDate deadline = migrationDeadline(c).orElseThrow();
        LocalDate detected = latest(deadline.plusDays(1), effectiveDate);
        // Overdue if not ended by the deadline; a contract that ended before the directive began is no finding.
        if (endedOn == null || (endedOn.isAfter(deadline) && !endedOn.isBefore(detected))) {
            findings.add(new Finding(
                    ContractRule.CR_3,
                    null,
                    detected,
                    endedOn,
                    deadline,
                    inputs(
                            "endsOn", c.endsOn(),
                            "migrationGrace", grace.toString(),
                            "finalDeadline", finalDeadline,
                            "deadline", deadline,
                            "terminatedOn", c.terminatedOn(),
                            "migratedOn", c.migratedOn())));
        }

        LocalDate watchFrom = latest(c.signedOn(), effectiveDate);
        boolean activeAfter = endedOn == null || endedOn.isAfter(watchFrom);
        boolean planLate = c.planFiledOn() == null || c.planFiledOn().isAfter(watchFrom);
        if (activeAfter && planLate) {
            findings.add(new Finding(
                    ContractRule.CR_4,
                    null,
                    watchFrom,
                    earliest(c.planFiledOn(), endedOn),
                    null,
                    inputs("planFiledOn", c.planFiledOn(), "endedOn", endedOn)));
        }
        return findings;
    }

    private static Map<String, Object> inputs(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1] == null ? null : pairs[i + 1].toString());
        }
        return map;
    }

    private static LocalDate earliest(LocalDate... dates) {
        return Stream.of(dates).filter(d -> d != null).min(LocalDate::compareTo).orElse(null);
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate notBefore(LocalDate date, LocalDate floor) {
        return date == null ? null : latest(date, floor);
    }
}
