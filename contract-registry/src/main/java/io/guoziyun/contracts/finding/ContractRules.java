package io.guoziyun.contracts.finding;

import static io.guoziyun.contracts.finding.Dates.earliest;
import static io.guoziyun.contracts.finding.Dates.latest;
import static io.guoziyun.contracts.finding.Dates.notBefore;

import io.guoziyun.commons.calendar.WorkingDayCalendar;
import io.guoziyun.commons.finding.Resolution;
import io.guoziyun.commons.policy.DirectivePolicy;
import io.guoziyun.commons.policy.RestDayRule;
import io.guoziyun.commons.validation.DateBounds;
import io.guoziyun.contracts.provider.Classification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The directive's rules on one contract, as a pure function of its dated facts. Every finding carries the date
 * from which the rule is broken ({@code detectedOn}) and the date it stopped being broken ({@code resolvedOn}),
 * both taken from the data, so the findings as of any date are those detected by then and not resolved by then.
 * No finding starts before the contract was signed, and a rule applies only while the provider is classified a
 * third party (each classification carries the date from which it holds).
 */
public final class ContractRules {

    private final LocalDate effectiveDate;
    private final java.time.Period grace;
    private final LocalDate finalDeadline;
    private final RestDayRule restDayRule;
    private final UnaryOperator<LocalDate> lastDayOfPeriod;

    /** The policy in force; a grace period ending on a rest day ends as the policy reads it (ADR 0003). */
    public ContractRules(DirectivePolicy policy, WorkingDayCalendar calendar) {
        this(
                policy.effectiveDate(),
                policy.migrationGrace(),
                policy.finalDeadline(),
                policy.deadlineOnRestDay(),
                calendar::workingDayOnOrAfter);
    }

    /** The grace period ends on its own date, whatever day it falls on. */
    public ContractRules(LocalDate effectiveDate, java.time.Period grace, LocalDate finalDeadline) {
        this(effectiveDate, grace, finalDeadline, RestDayRule.AS_IS, UnaryOperator.identity());
    }

    /** {@code workingDayOnOrAfter} moves a day past rest days, for the reading NEXT_WORKING_DAY. */
    public ContractRules(
            LocalDate effectiveDate,
            java.time.Period grace,
            LocalDate finalDeadline,
            RestDayRule restDayRule,
            UnaryOperator<LocalDate> workingDayOnOrAfter) {
        this.effectiveDate = effectiveDate;
        this.grace = grace;
        this.finalDeadline = finalDeadline;
        this.restDayRule = restDayRule;
        this.lastDayOfPeriod = restDayRule == RestDayRule.NEXT_WORKING_DAY ? workingDayOnOrAfter : d -> d;
    }

    /** What a contract's findings are decided on. */
    public record Facts(
            List<Classified> classifications,
            LocalDate signedOn,
            LocalDate endsOn,
            LocalDate terminatedOn,
            LocalDate migratedOn,
            LocalDate planFiledOn,
            List<Renewal> renewals) {

        /** A provider that has always had one classification. */
        public Facts(
                Classification classification,
                LocalDate signedOn,
                LocalDate endsOn,
                LocalDate terminatedOn,
                LocalDate migratedOn,
                LocalDate planFiledOn,
                List<Renewal> renewals) {
            this(
                    List.of(new Classified(DateBounds.EARLIEST, classification)),
                    signedOn,
                    endsOn,
                    terminatedOn,
                    migratedOn,
                    planFiledOn,
                    renewals);
        }
    }

    /** The provider's classification from {@code from} on, until the next one in the list. */
    public record Classified(LocalDate from, Classification classification) {}

    public record Renewal(UUID id, LocalDate renewedOn, LocalDate newEndsOn) {}

    /** A finding as the rules decide it: {@code resolution} says what ended it, when {@code resolvedOn} is set. */
    public record Finding(
            ContractRule rule,
            UUID causeId,
            LocalDate detectedOn,
            LocalDate resolvedOn,
            Resolution resolution,
            LocalDate deadline,
            Map<String, Object> inputs) {

        Finding(
                ContractRule r,
                UUID c,
                LocalDate d,
                LocalDate res,
                LocalDate dl,
                Map<String, Object> in,
                Resolution by) {
            this(r, c, d, res, res == null ? null : by, dl, in);
        }
    }

    /**
     * The date by which a third-party contract must be migrated or terminated: two months (the grace) after its
     * lawful end, and never after the final deadline. Renewals made on or after the effective date do not move it
     * (they are findings themselves); a contract without an end date has the final deadline.
     */
    public Optional<LocalDate> migrationDeadline(Facts c) {
        if (ThirdPartySpans.of(c.classifications()).isEmpty()) {
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
        LocalDate afterGrace = lastDayOfPeriod.apply(lawfulEnd.plus(grace));
        return Optional.of(afterGrace.isBefore(finalDeadline) ? afterGrace : finalDeadline);
    }

    /** The findings of a contract: the rules as if its provider were a third party, within the spans it was one. */
    public List<Finding> evaluate(Facts c) {
        List<ThirdPartySpans.Span> spans = ThirdPartySpans.of(c.classifications());
        List<Finding> findings = new ArrayList<>();
        if (spans.isEmpty()) {
            return findings;
        }
        for (Finding f : asThirdParty(c)) {
            for (ThirdPartySpans.Span span : spans) {
                ThirdPartySpans.within(f, span).ifPresent(findings::add);
            }
        }
        return findings;
    }

    private List<Finding> asThirdParty(Facts c) {
        List<Finding> findings = new ArrayList<>();
        LocalDate endedOn = earliest(c.terminatedOn(), c.migratedOn());
        Resolution ended =
                endedOn == null || !endedOn.equals(c.terminatedOn()) ? Resolution.MIGRATION : Resolution.TERMINATION;

        if (!c.signedOn().isBefore(effectiveDate)) {
            findings.add(new Finding(
                    ContractRule.CR_1,
                    null,
                    c.signedOn(),
                    notBefore(endedOn, c.signedOn()),
                    null,
                    inputs("signedOn", c.signedOn(), "effectiveDate", effectiveDate, "endedOn", endedOn),
                    ended));
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
                                endedOn),
                        ended));
            }
        }

        LocalDate deadline = migrationDeadline(c).orElseThrow();
        // Overdue from the day after the deadline, but never before the directive (ADR 0004) nor the signing.
        LocalDate detected = latest(latest(deadline.plusDays(1), effectiveDate), c.signedOn());
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
                            "deadlineOnRestDay", restDayRule.name(),
                            "finalDeadline", finalDeadline,
                            "deadline", deadline,
                            "overdueSince", detected,
                            "terminatedOn", c.terminatedOn(),
                            "migratedOn", c.migratedOn()),
                    ended));
        }

        LocalDate watchFrom = latest(c.signedOn(), effectiveDate);
        boolean activeAfter = endedOn == null || endedOn.isAfter(watchFrom);
        boolean planLate = c.planFiledOn() == null || c.planFiledOn().isAfter(watchFrom);
        if (activeAfter && planLate) {
            LocalDate resolved = earliest(c.planFiledOn(), endedOn);
            findings.add(new Finding(
                    ContractRule.CR_4,
                    null,
                    watchFrom,
                    resolved,
                    null,
                    inputs("planFiledOn", c.planFiledOn(), "endedOn", endedOn),
                    resolved != null && resolved.equals(c.planFiledOn()) ? Resolution.PLAN_FILED : ended));
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
}
