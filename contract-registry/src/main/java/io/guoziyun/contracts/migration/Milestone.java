package io.guoziyun.contracts.migration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A step of a migration plan, with its progress and links to the evidence of it. */
@Entity
public class Milestone extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "firm_id", nullable = false, updatable = false)
    public String firmId;

    public UUID contractId;
    public String title;
    public LocalDate dueOn;
    public int progress;
    /** Evidence links, one per line. */
    public String evidence;

    @Version
    public long version;

    static Milestone of(String firmId, UUID contractId, MilestoneFiling filing) {
        Milestone milestone = new Milestone();
        milestone.id = UUID.randomUUID();
        milestone.firmId = firmId;
        milestone.contractId = contractId;
        milestone.update(filing);
        return milestone;
    }

    void update(MilestoneFiling filing) {
        title = filing.title();
        dueOn = filing.dueOn();
        progress = filing.progress();
        evidence = filing.evidence() == null ? "" : String.join("\n", filing.evidence());
    }
}
