package io.guoziyun.listing.application;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** What the compliance gate saw of the firm's open findings, stored on the application. */
@Entity
public class GateSnapshot extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "firm_id", nullable = false, updatable = false)
    public String firmId;

    public UUID applicationId;
    public Instant takenAt;
    public LocalDate takenOn;
    public String trigger;
    public String takenBy;
    public int blockingCount;
    /** The open findings as JSON. */
    public String findings;

    /** What the gate saw of the firm of {@code app} just now, on {@code on}, at the step {@code trigger}. */
    public static GateSnapshot of(
            ListingApplication app, String trigger, LocalDate on, String takenBy, int blockingCount, String findings) {
        GateSnapshot snapshot = new GateSnapshot();
        snapshot.id = UUID.randomUUID();
        snapshot.firmId = app.firmId;
        snapshot.applicationId = app.id;
        snapshot.takenAt = Instant.now();
        snapshot.takenOn = on;
        snapshot.trigger = trigger;
        snapshot.takenBy = takenBy;
        snapshot.blockingCount = blockingCount;
        snapshot.findings = findings;
        return snapshot;
    }

    public static List<GateSnapshot> ofApplication(UUID applicationId) {
        return list("applicationId = ?1 order by takenAt", applicationId);
    }
}
