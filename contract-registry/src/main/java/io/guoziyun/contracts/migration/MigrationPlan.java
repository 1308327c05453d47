package io.guoziyun.contracts.migration;

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
}
