package io.guoziyun.listing.application;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** One step in an application's timeline: who did what, when, and why. */
@Entity
@Table(name = "application_transition")
public class Transition extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "firm_id", nullable = false, updatable = false)
    public String firmId;

    public UUID applicationId;
    public int seq;

    @Enumerated(EnumType.STRING)
    public Action action;

    @Enumerated(EnumType.STRING)
    public Stage fromStage;

    @Enumerated(EnumType.STRING)
    public Stage toStage;

    public String actor;
    public String actorRole;
    public LocalDate occurredOn;
    public Instant occurredAt;
    public String reason;
    public String accessionNumber;

    /** The next step of the application's timeline, as it happened just now. */
    static Transition next(
            ListingApplication app,
            Action action,
            Stage from,
            String actor,
            String actorRole,
            LocalDate on,
            String reason,
            String accessionNumber) {
        Transition t = new Transition();
        t.id = UUID.randomUUID();
        t.firmId = app.firmId;
        t.applicationId = app.id;
        t.seq = (int) count("applicationId", app.id) + 1;
        t.action = action;
        t.fromStage = from;
        t.toStage = app.stage;
        t.actor = actor;
        t.actorRole = actorRole;
        t.occurredOn = on;
        t.occurredAt = Instant.now();
        t.reason = reason;
        t.accessionNumber = accessionNumber;
        return t;
    }

    public static List<Transition> ofApplication(UUID applicationId) {
        return list("applicationId = ?1 order by seq", applicationId);
    }
}
