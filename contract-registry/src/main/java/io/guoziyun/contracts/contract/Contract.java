package io.guoziyun.contracts.contract;

import io.guoziyun.problem.InvalidInput;
import io.guoziyun.problem.StateConflict;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * A cloud or ICT contract registered by a firm; scoped to that firm by {@code @TenantId}. Its fields are read
 * freely and changed only by its own methods, each the one way a contract changes.
 */
@Entity
public class Contract extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "firm_id", nullable = false, updatable = false)
    public String firmId;

    public String reference;
    public String provider;

    @Enumerated(EnumType.STRING)
    public ServiceType serviceType;

    public LocalDate signedOn;
    public LocalDate startsOn;
    public LocalDate endsOn;
    public boolean dataStored;
    public String dataLocation;

    @Enumerated(EnumType.STRING)
    public DataSensitivity dataSensitivity;

    public BigDecimal dataVolumeTb;
    public BigDecimal annualValueCny;

    @Enumerated(EnumType.STRING)
    public ContractStatus status;

    /** The end after every renewal or extension. */
    public LocalDate currentEndsOn;
    /** Third-party contracts only: by this date migrated or terminated (rule CR-3). Kept by the findings. */
    public LocalDate migrationDeadline;

    public LocalDate terminatedOn;
    public String terminationReason;
    /** The day the end (termination or migration completion) was filed. */
    public LocalDate endRecordedOn;
    /** The document that proves an end filed more than the policy's backdating days after it happened. */
    public String endEvidence;
    /** The end was filed more than the policy's backdating days after its date: flagged to regulators. */
    public boolean backdated;

    public Instant createdAt;

    @Version
    public long version;

    /** A new ACTIVE contract of {@code firmId}, as filed. */
    public static Contract register(String firmId, ContractFiling filing) {
        Contract contract = new Contract();
        contract.id = UUID.randomUUID();
        contract.firmId = firmId;
        contract.status = ContractStatus.ACTIVE;
        contract.createdAt = Instant.now();
        contract.file(filing);
        contract.currentEndsOn = filing.endsOn();
        return contract;
    }

    /** The filed fields replaced; the current end is the filed end or a later renewal's. */
    public void correct(ContractFiling filing, LocalDate latestRenewedEnd) {
        requireActive();
        file(filing);
        currentEndsOn =
                latestRenewedEnd != null && (filing.endsOn() == null || latestRenewedEnd.isAfter(filing.endsOn()))
                        ? latestRenewedEnd
                        : filing.endsOn();
    }

    /** A renewal or extension agreed on {@code renewedOn} runs the contract to {@code newEndsOn}. */
    public void renew(LocalDate renewedOn, LocalDate newEndsOn) {
        requireActive();
        if (renewedOn.isBefore(signedOn)) {
            throw InvalidInput.field("renewedOn", "must not be before the contract was signed (" + signedOn + ")");
        }
        if (currentEndsOn != null && !newEndsOn.isAfter(currentEndsOn)) {
            throw InvalidInput.field("newEndsOn", "must be after the current end (" + currentEndsOn + ")");
        }
        currentEndsOn = newEndsOn;
    }

    /** Terminated on {@code on}, filed {@code today}; {@code backdated} when filed late, with its evidence. */
    public void terminate(LocalDate on, String reason, LocalDate today, boolean backdated, String evidence) {
        requireActive();
        if (on.isBefore(signedOn)) {
            throw InvalidInput.field("terminatedOn", "must not be before the contract was signed (" + signedOn + ")");
        }
        status = ContractStatus.TERMINATED;
        terminatedOn = on;
        terminationReason = reason;
        ended(today, backdated, evidence);
    }

    /** The data is on the state cloud as of {@code on}: the contract is MIGRATED. */
    public void migrated(LocalDate on, LocalDate today, boolean backdated, String evidence) {
        requireActive();
        if (on.isBefore(signedOn)) {
            throw InvalidInput.field("completedOn", "must not be before the contract was signed (" + signedOn + ")");
        }
        status = ContractStatus.MIGRATED;
        ended(today, backdated, evidence);
    }

    private void ended(LocalDate today, boolean late, String evidence) {
        endRecordedOn = today;
        backdated = late;
        endEvidence = evidence == null || evidence.isBlank() ? null : evidence;
    }

    /** The deadline the findings decided (CR-3), kept on the contract for lists and filters. */
    public void keepMigrationDeadline(LocalDate deadline) {
        migrationDeadline = deadline;
    }

    /** Only an ACTIVE contract changes: 409 otherwise. */
    public void requireActive() {
        if (status != ContractStatus.ACTIVE) {
            throw new StateConflict("The contract is " + status + "; only an ACTIVE contract can change");
        }
    }

    private void file(ContractFiling filing) {
        reference = filing.reference();
        provider = filing.provider();
        serviceType = filing.serviceType();
        signedOn = filing.signedOn();
        startsOn = filing.startsOn();
        endsOn = filing.endsOn();
        dataStored = filing.dataStored();
        dataLocation = filing.dataLocation();
        dataSensitivity = filing.dataSensitivity();
        dataVolumeTb = filing.dataVolumeTb();
        annualValueCny = filing.annualValueCny();
    }
}
