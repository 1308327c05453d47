package io.guoziyun.inventory.server;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A server a firm declares; scoped to that firm. */
@Entity
public class Server extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "firm_id", nullable = false, updatable = false)
    public String firmId;

    public String assetTag;
    public String serial;
    public String hostname;
    public String vendor;
    public String model;
    public String siteCode;

    @Enumerated(EnumType.STRING)
    public Acquisition acquisition;

    public LocalDate acquiredOn;

    @Enumerated(EnumType.STRING)
    public ServerStatus status;

    /** The day the server reached its current status (for DECOMMISSIONED/MIGRATED: when it went). */
    public LocalDate statusOn;

    public String role;
    public Instant createdAt;

    @Version
    public long version;
}
