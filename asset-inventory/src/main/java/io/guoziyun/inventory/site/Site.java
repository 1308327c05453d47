package io.guoziyun.inventory.site;

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

    /** A site a firm declares today, in the status it gives (ACTIVE when none). */
    static Site declare(String firmId, SiteFiling filing, LocalDate today) {
        Site site = new Site();
        site.id = UUID.randomUUID();
        site.firmId = firmId;
        site.status = filing.status() == null ? SiteStatus.ACTIVE : filing.status();
        site.createdStatus = site.status;
        site.createdOn = today;
        site.createdAt = Instant.now();
        site.correct(filing);
        return site;
    }

    /** The declared details replaced; the status moves only through {@link #moveTo}. */
    void correct(SiteFiling filing) {
        code = filing.code();
        name = filing.name();
        location = filing.location();
        ownership = filing.ownership();
        constructionStartedOn = filing.constructionStartedOn();
        commissionedOn = filing.commissionedOn();
        racks = filing.racks();
        powerKw = filing.powerKw();
    }

    /** A firm moves a site only forward (409 otherwise); a regulator's correction any way. */
    void requireMove(SiteStatus next, boolean correction) {
        if (!correction && !status.canMoveTo(next)) {
            throw new StateConflict("A site moves only forward: " + status + " cannot become " + next);
        }
    }

    /**
     * The site reaches {@code next} on {@code on}. The first move under construction or into service dates that
     * event when the filing did not.
     */
    void moveTo(SiteStatus next, LocalDate on) {
        status = next;
        if (next == SiteStatus.UNDER_CONSTRUCTION && constructionStartedOn == null) {
            constructionStartedOn = on;
        }
        if (next == SiteStatus.ACTIVE && commissionedOn == null) {
            commissionedOn = on;
        }
        retiredOn = next == SiteStatus.RETIRED ? on : null;
    }
}
