package io.guoziyun.contracts.migration;

import io.guoziyun.problem.InvalidInput;
import io.guoziyun.problem.StateConflict;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A contract's plan to move its data to the state cloud; one per contract. */
@Entity
public class MigrationPlan extends PanacheEntityBase {

    @Id
    public UUID contractId;

    @TenantId
    @Column(name = "firm_id", nullable = false, updatable = false)
    public String firmId;

    public String targetProvider;
    public LocalDate plannedCompletionOn;
    public LocalDate completedOn;
    /** The day the plan was first filed: from then on the contract has a plan (rule CR-4). */
    public LocalDate filedOn;

    public Instant createdAt;

    @Version
    public long version;

    /** The first plan of a contract, filed today. */
    static MigrationPlan file(String firmId, UUID contractId, LocalDate today, String target, LocalDate plannedOn) {
        MigrationPlan plan = new MigrationPlan();
        plan.contractId = contractId;
        plan.firmId = firmId;
        plan.filedOn = today;
        plan.createdAt = Instant.now();
        plan.revise(target, plannedOn);
        return plan;
    }

    void revise(String target, LocalDate plannedOn) {
        targetProvider = target;
        plannedCompletionOn = plannedOn;
    }

    /** The data was fully on the state cloud on {@code on}, which cannot be after {@code today}. */
    void complete(LocalDate on, LocalDate today) {
        if (on.isAfter(today)) {
            throw InvalidInput.field("completedOn", "must not be in the future");
        }
        completedOn = on;
    }

    /** Milestones change only until the migration is complete. */
    void requireOpen() {
        if (completedOn != null) {
            throw new StateConflict("The migration was completed on " + completedOn);
        }
    }
}
