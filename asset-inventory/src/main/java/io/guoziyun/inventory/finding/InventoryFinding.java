package io.guoziyun.inventory.finding;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A finding AI-1 (site) or AI-2 (server), dated by the data it was decided on. */
@Entity
public class InventoryFinding extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "firm_id", nullable = false, updatable = false)
    public String firmId;

    public String rule;
    public String severity;
    public String subjectType;
    public UUID subjectId;
    public LocalDate detectedOn;
    public LocalDate resolvedOn;
    public String inputs;
    public Instant evaluatedAt;
}
