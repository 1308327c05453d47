package io.guoziyun.contracts.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guoziyun.commons.calendar.WorkingDayCalendar;
import io.guoziyun.commons.finding.Severity;
import io.guoziyun.commons.policy.RestDayRule;
import io.guoziyun.contracts.finding.ContractRules.Facts;
import io.guoziyun.contracts.finding.ContractRules.Finding;
import io.guoziyun.contracts.finding.ContractRules.Renewal;
import io.guoziyun.contracts.provider.Classification;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContractRulesTest {

    private final ContractRules rules =
            new ContractRules(LocalDate.of(2021, 8, 12), Period.ofMonths(2), LocalDate.of(2022, 9, 30));

    private static LocalDate d(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    private static Facts thirdParty(String signedOn, String endsOn) {
        return new Facts(Classification.THIRD_PARTY, d(signedOn), d(endsOn), null, null, null, List.of());
    }

    private static Optional<Finding> find(List<Finding> findings, ContractRule rule) {
        return findings.stream().filter(f -> f.rule() == rule).findFirst();
    }

    @Test
    void signedTheDayBeforeTheEffectiveDateIsNoCr1() {
        assertTrue(find(rules.evaluate(thirdParty("2021-08-11", "2022-12-31")), ContractRule.CR_1)
                .isEmpty());
    }

    @Test
    void signedOnTheEffectiveDateIsCr1FromThatDay() {
        Finding cr1 = find(rules.evaluate(thirdParty("2021-08-12", "2022-12-31")), ContractRule.CR_1)
                .orElseThrow();
        assertEquals(d("2021-08-12"), cr1.detectedOn());
        assertNull(cr1.resolvedOn());
    }

    @Test
    void stateCloudContractsHaveNoFindingsAndNoDeadline() {
        Facts stateCloud =
                new Facts(Classification.STATE_CLOUD, d("2022-01-01"), d("2023-01-01"), null, null, null, List.of());
        assertTrue(rules.evaluate(stateCloud).isEmpty());
        assertTrue(rules.migrationDeadline(stateCloud).isEmpty());
    }

    @ParameterizedTest(name = "ends {0} -> deadline {1}")
    @CsvSource({
        "2021-12-31, 2022-02-28", // month end: 31 Dec + 2 months is the last day of February
        "2022-06-30, 2022-08-30",
        "2022-07-29, 2022-09-29", // lands the day before the final deadline
        "2022-07-30, 2022-09-30", // lands on the final deadline
        "2022-07-31, 2022-09-30", // 31 Jul + 2 months is 30 Sep: on it
        "2022-08-01, 2022-09-30", // would land after it: capped
        "2024-01-01, 2022-09-30",
        "2020-02-29, 2020-04-29" // leap day
    })
    void migrationDeadlineIsTwoMonthsAfterTheEndCappedByTheFinalDeadline(String endsOn, String deadline) {
        assertEquals(Optional.of(d(deadline)), rules.migrationDeadline(thirdParty("2019-01-01", endsOn)));
    }

    @Test
    void openEndedContractsHaveTheFinalDeadline() {
        assertEquals(Optional.of(d("2022-09-30")), rules.migrationDeadline(thirdParty("2019-01-01", null)));
    }

    @Test
    void notMigratedByTheDeadlineIsCr3FromTheNextDay() {
        Finding cr3 = find(rules.evaluate(thirdParty("2019-01-01", "2021-12-31")), ContractRule.CR_3)
                .orElseThrow();
        assertEquals(d("2022-02-28"), cr3.deadline());
        assertEquals(d("2022-03-01"), cr3.detectedOn());
        assertNull(cr3.resolvedOn());
    }

    @Test
    void terminatedOnTheDeadlineIsNoCr3ButTheDayAfterIs() {
        Facts onTime = new Facts(
                Classification.THIRD_PARTY, d("2019-01-01"), d("2022-12-31"), d("2022-09-30"), null, null, List.of());
        assertTrue(find(rules.evaluate(onTime), ContractRule.CR_3).isEmpty());
        Facts late = new Facts(
                Classification.THIRD_PARTY, d("2019-01-01"), d("2022-12-31"), d("2022-10-01"), null, null, List.of());
        Finding cr3 = find(rules.evaluate(late), ContractRule.CR_3).orElseThrow();
        assertEquals(d("2022-10-01"), cr3.detectedOn());
        assertEquals(d("2022-10-01"), cr3.resolvedOn());
    }

    @Test
    void migratedLateResolvesCr3OnTheMigrationDate() {
        Facts migratedLate = new Facts(
                Classification.THIRD_PARTY,
                d("2019-01-01"),
                d("2022-12-31"),
                null,
                d("2022-11-15"),
                d("2021-09-01"),
                List.of());
        Finding cr3 = find(rules.evaluate(migratedLate), ContractRule.CR_3).orElseThrow();
        assertEquals(d("2022-10-01"), cr3.detectedOn());
        assertEquals(d("2022-11-15"), cr3.resolvedOn());
    }

    @Test
    void aDeadlineBeforeTheDirectiveIsDetectedFromTheEffectiveDate() {
        Finding cr3 = find(rules.evaluate(thirdParty("2018-01-01", "2020-12-31")), ContractRule.CR_3)
                .orElseThrow();
        assertEquals(d("2021-02-28"), cr3.deadline());
        assertEquals(d("2021-08-12"), cr3.detectedOn());
    }

    @Test
    void renewalsOnOrAfterTheEffectiveDateAreCr2AndDoNotMoveTheDeadline() {
        UUID before = UUID.randomUUID();
        UUID dayBefore = UUID.randomUUID();
        UUID onDate = UUID.randomUUID();
        Facts renewed = new Facts(
                Classification.THIRD_PARTY,
                d("2019-01-01"),
                d("2021-06-30"),
                null,
                null,
                null,
                List.of(
                        new Renewal(before, d("2021-05-01"), d("2021-10-31")),
                        new Renewal(dayBefore, d("2021-08-11"), d("2021-11-30")),
                        new Renewal(onDate, d("2021-08-12"), d("2023-12-31"))));
        List<Finding> findings = rules.evaluate(renewed);
        List<Finding> cr2 =
                findings.stream().filter(f -> f.rule() == ContractRule.CR_2).toList();
        assertEquals(1, cr2.size());
        assertEquals(onDate, cr2.get(0).causeId());
        assertEquals(d("2021-08-12"), cr2.get(0).detectedOn());
        // Lawful renewals (before the effective date) extend the end to 2021-11-30; the later one does not.
        assertEquals(Optional.of(d("2022-01-30")), rules.migrationDeadline(renewed));
    }

    @Test
    void activeThirdPartyContractWithoutPlanIsACr4WarningUntilAPlanIsFiled() {
        Finding cr4 = find(rules.evaluate(thirdParty("2019-01-01", "2023-01-01")), ContractRule.CR_4)
                .orElseThrow();
        assertEquals(Severity.WARNING, cr4.rule().severity());
        assertEquals(d("2021-08-12"), cr4.detectedOn());
        assertNull(cr4.resolvedOn());

        Facts planned = new Facts(
                Classification.THIRD_PARTY, d("2019-01-01"), d("2023-01-01"), null, null, d("2022-03-01"), List.of());
        assertEquals(
                d("2022-03-01"),
                find(rules.evaluate(planned), ContractRule.CR_4).orElseThrow().resolvedOn());

        Facts plannedBeforeDirective = new Facts(
                Classification.THIRD_PARTY, d("2019-01-01"), d("2023-01-01"), null, null, d("2021-08-01"), List.of());
        assertTrue(
                find(rules.evaluate(plannedBeforeDirective), ContractRule.CR_4).isEmpty());
    }

    @Test
    void aContractThatEndedLateButBeforeTheDirectiveHasNoCr3() {
        Facts endedLate = new Facts(
                Classification.THIRD_PARTY, d("2017-01-01"), d("2019-06-30"), d("2020-12-31"), null, null, List.of());
        assertTrue(rules.evaluate(endedLate).isEmpty());
    }

    @Test
    void aContractEndedBeforeTheDirectiveHasNoFindings() {
        Facts ended = new Facts(
                Classification.THIRD_PARTY, d("2018-01-01"), d("2020-12-31"), d("2021-01-15"), null, null, List.of());
        assertTrue(rules.evaluate(ended).isEmpty());
    }

    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar("../seeds/policy/prc-working-days.csv");

    private static ContractRules reading(RestDayRule rule) {
        return new ContractRules(
                LocalDate.of(2021, 8, 12),
                Period.ofMonths(2),
                LocalDate.of(2022, 9, 30),
                rule,
                CALENDAR::workingDayOnOrAfter);
    }

    @ParameterizedTest(name = "ends {0}: deadline {1} under Art. 203, {2} as it is")
    @CsvSource({
        "2021-12-03, 2022-02-07, 2022-02-03", // Spring Festival 2022
        "2021-12-02, 2022-02-07, 2022-02-02",
        "2021-12-07, 2022-02-07, 2022-02-07", // a Monday: nothing to move
        "2021-12-05, 2022-02-07, 2022-02-05", // a Saturday inside the holiday
        "2021-07-30, 2021-09-30, 2021-09-30", // a Thursday
        "2022-08-01, 2022-09-30, 2022-09-30", // the final deadline caps both
    })
    void aGracePeriodEndingOnARestDayEndsOnTheNextWorkingDayUnderArticle203(String endsOn, String art203, String asIs) {
        assertEquals(
                Optional.of(d(art203)),
                reading(RestDayRule.NEXT_WORKING_DAY).migrationDeadline(thirdParty("2019-01-01", endsOn)));
        assertEquals(
                Optional.of(d(asIs)), reading(RestDayRule.AS_IS).migrationDeadline(thirdParty("2019-01-01", endsOn)));
    }

    @Test
    void noFindingStartsBeforeTheContractWasSigned() {
        Finding cr3 = find(rules.evaluate(thirdParty("2022-12-01", "2023-12-01")), ContractRule.CR_3)
                .orElseThrow();
        assertEquals(d("2022-09-30"), cr3.deadline());
        assertEquals(d("2022-12-01"), cr3.detectedOn());
        rules.evaluate(thirdParty("2022-12-01", "2023-12-01"))
                .forEach(f -> assertTrue(!f.detectedOn().isBefore(d("2022-12-01")), f.rule() + " before signing"));
    }

    @Test
    void aRuleHoldsOnlyWhileTheProviderIsAThirdParty() {
        List<ContractRules.Classified> history = List.of(
                new ContractRules.Classified(d("1900-01-01"), Classification.STATE_CLOUD),
                new ContractRules.Classified(d("2022-06-01"), Classification.THIRD_PARTY),
                new ContractRules.Classified(d("2022-08-01"), Classification.STATE_CLOUD),
                new ContractRules.Classified(d("2023-01-01"), Classification.THIRD_PARTY));
        Facts facts = new Facts(history, d("2022-01-10"), d("2023-12-31"), null, null, null, List.of());
        List<Finding> cr1 = rules.evaluate(facts).stream()
                .filter(f -> f.rule() == ContractRule.CR_1)
                .toList();
        assertEquals(2, cr1.size());
        assertEquals(d("2022-06-01"), cr1.get(0).detectedOn());
        assertEquals(d("2022-08-01"), cr1.get(0).resolvedOn());
        assertEquals(d("2023-01-01"), cr1.get(1).detectedOn());
        assertNull(cr1.get(1).resolvedOn());
        Facts stateCloud = new Facts(
                List.of(new ContractRules.Classified(d("1900-01-01"), Classification.STATE_CLOUD)),
                d("2022-01-10"),
                d("2023-12-31"),
                null,
                null,
                null,
                List.of());
        assertTrue(rules.evaluate(stateCloud).isEmpty());
        assertTrue(rules.migrationDeadline(stateCloud).isEmpty());
    }
}
