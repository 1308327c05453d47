package io.guoziyun.contracts.finding;

import io.guoziyun.commons.finding.FindingRecord;
import io.guoziyun.commons.finding.PastRecord;
import io.guoziyun.commons.finding.Resolution;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A finding on a contract as stored: dated by the data it was decided on (see {@link ContractRules}). */
@Entity
public class ContractFinding extends FindingRecord {

    /** The renewal behind a CR-2 finding; null for the other rules. */
    public UUID causeId;
    /** CR-3: the migration deadline. */
    public LocalDate deadline;
    /** The rules no longer produce it: resolved on the day that happened, kept as history, never paired again. */
    public boolean superseded;

    /** A new finding of {@code rule} on a contract, caused by {@code causeId} where one contract can break it twice. */
    static ContractFinding on(String firmId, UUID contractId, ContractRule rule, UUID causeId) {
        ContractFinding finding = new ContractFinding();
        finding.id = UUID.randomUUID();
        finding.firmId = firmId;
        finding.rule = rule.code();
        finding.severity = rule.severity();
        finding.subjectId = contractId;
        finding.causeId = causeId;
        return finding;
    }

    /** The dates and inputs the rules decided on this time. */
    void decided(ContractRules.Finding draft, String inputs, Instant now) {
        detectedOn = draft.detectedOn();
        resolvedOn = draft.resolvedOn();
        resolution = draft.resolution();
        deadline = draft.deadline();
        this.inputs = inputs;
        evaluatedAt = now;
    }

    /**
     * No longer produced by the rules: if still open, resolved for {@code cause} on the day the contract ended
     * ({@code endedOn}, when that is the cause) or today; kept, never deleted.
     */
    void supersede(LocalDate today, Resolution cause, LocalDate endedOn, Instant now) {
        superseded = true;
        LocalDate end = PastRecord.endOnSupersede(detectedOn, resolvedOn, endedOn, today);
        if (!end.equals(resolvedOn)) {
            resolvedOn = end;
            resolution = cause;
        }
        evaluatedAt = now;
    }

    @Override
    public String subjectType() {
        return "contract";
    }

    @Override
    public UUID causeId() {
        return causeId;
    }

    @Override
    public LocalDate deadline() {
        return deadline;
    }
}
