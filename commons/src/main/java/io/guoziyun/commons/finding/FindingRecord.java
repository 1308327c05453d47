package io.guoziyun.commons.finding;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * The columns every stored finding has, in either service: which rule, on what, from when ({@code detectedOn}) and
 * until when ({@code resolvedOn}), both taken from the data, and the inputs it was decided on as JSON.
 */
@MappedSuperclass
public abstract class FindingRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "firm_id", nullable = false, updatable = false)
    public String firmId;

    public String rule;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    public UUID subjectId;
    public LocalDate detectedOn;
    public LocalDate resolvedOn;

    /** Why it was resolved; null while open. */
    @Enumerated(EnumType.STRING)
    public Resolution resolution;

    /** The facts the finding was decided on, as a JSON object of text values. */
    public String inputs;

    public Instant evaluatedAt;

    /** What the finding is on: {@code contract}, {@code site}, {@code server}. */
    public abstract String subjectType();

    /** What caused it when one subject can break a rule more than once (a CR-2 renewal); else null. */
    public UUID causeId() {
        return null;
    }

    /** The date the rule set, when it has one (the CR-3 migration deadline); else null. */
    public LocalDate deadline() {
        return null;
    }
}
