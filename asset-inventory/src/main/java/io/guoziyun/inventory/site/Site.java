package io.guoziyun.inventory.site;

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

/** A data centre a firm declares; scoped to that firm. */
@Entity
public class Site extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "firm_id", nullable = false, updatable = false)
    public String firmId;

    public String code;
    public String name;
    public String location;

    @Enumerated(EnumType.STRING)
    public Ownership ownership;

    @Enumerated(EnumType.STRING)
    public SiteStatus status;

    public LocalDate constructionStartedOn;
    public LocalDate commissionedOn;
    public LocalDate retiredOn;
    public Integer racks;
    public BigDecimal powerKw;

    /** When and in which status the site was first declared (rule AI-1 looks at both). */
    public LocalDate createdOn;

    @Enumerated(EnumType.STRING)
    public SiteStatus createdStatus;

    public Instant createdAt;

    @Version
    public long version;
}
