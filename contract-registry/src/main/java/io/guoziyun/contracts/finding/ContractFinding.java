package io.guoziyun.contracts.finding;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A finding as stored: dated by the data it was decided on (see {@link ContractRules}). */
@Entity
public class ContractFinding extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "firm_id", nullable = false, updatable = false)
    public String firmId;

    public String rule;
    public String severity;
    public UUID subjectId;
    public UUID causeId;
    public LocalDate detectedOn;
    public LocalDate resolvedOn;
    public LocalDate deadline;
    /** The inputs the finding was decided on, as JSON. */
    public String inputs;

    public Instant evaluatedAt;
}
