package io.guoziyun.inventory.site;

import io.guoziyun.commons.audit.AuditTrail;
import io.guoziyun.commons.concurrency.IfMatch;
import io.guoziyun.commons.paging.Conditions;
import io.guoziyun.commons.paging.Page;
import io.guoziyun.commons.paging.PageParams;
import io.guoziyun.commons.policy.ChinaTime;
import io.guoziyun.commons.rest.Versioned;
import io.guoziyun.inventory.finding.InventoryFindingEvaluator;
import io.guoziyun.inventory.journal.Journal;
import io.guoziyun.inventory.journal.Journaled;
import io.guoziyun.inventory.lifecycle.StatusChange;
import io.guoziyun.inventory.server.Server;
import io.guoziyun.inventory.server.ServerStatus;
import io.guoziyun.problem.AlreadyExists;
import io.guoziyun.problem.InvalidInput;
import io.guoziyun.problem.NotFound;
import io.guoziyun.problem.StateConflict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The data centres a firm declares: declaration, correction, their lifecycle, journal and history. */
@ApplicationScoped
@Transactional
public class Sites extends Journaled {

    public static final String SUBJECT = "site";
    private static final Map<String, String> SORTS = Map.of(
            "code", "code",
            "status", "status",
            "commissionedOn", "commissionedOn",
            "createdAt", "createdAt",
            "firmId", "firmId");

    private final InventoryFindingEvaluator findings;

    public Sites(Journal journal, AuditTrail audit, InventoryFindingEvaluator findings) {
        super(journal, audit);
        this.findings = findings;
    }

    public Page<SiteView> list(PageParams page, SiteStatus status, String firmId) {
        Conditions where = new Conditions().equal("status", status).equal("firmId", firmId);
        return Page.of(
                Site.class,
                where,
                page.order(Site.class, SORTS, "code", "id", Set.of("commissionedOn")),
                page,
                (query, parameters) -> Site.find(query, parameters),
                SiteView::of);
    }

    public Versioned<SiteView> declare(String firmId, SiteFiling filing) {
        if (Site.count("code", filing.code()) > 0) {
            throw new AlreadyExists("Site code " + filing.code() + " is already declared");
        }
        Site site = Site.declare(firmId, filing, ChinaTime.today());
        site.persistAndFlush();
        findings.site(site.id);
        SiteView view = SiteView.of(site);
        audit.record("site.declared", SUBJECT, site.id, firmId, null, view);
        return new Versioned<>(view, site.version);
    }

    public Versioned<SiteView> read(UUID id) {
        Site site = find(id);
        return new Versioned<>(SiteView.of(site), site.version);
    }

    public Versioned<SiteView> correct(UUID id, IfMatch ifMatch, SiteFiling filing) {
        Site site = find(id);
        ifMatch.check(site.version);
        if (filing.status() != null && filing.status() != site.status) {
            throw InvalidInput.field("status", "change the status with POST /api/v1/sites/" + id + "/status");
        }
        if (!filing.code().equals(site.code) && Site.count("code = ?1 and id <> ?2", filing.code(), site.id) > 0) {
            throw new AlreadyExists("Site code " + filing.code() + " is already declared");
        }
        if (!filing.code().equals(site.code) && Server.count("siteCode", site.code) > 0) {
            throw new StateConflict("Servers are declared at site " + site.code + "; its code stays");
        }
        SiteView before = SiteView.of(site);
        site.correct(filing);
        site.flush();
        findings.siteCorrected(site.id);
        return changed(site, "site.corrected", before);
    }

    /**
     * A move to another status: a firm's forward, or a regulator's correction (with evidence). Retiring needs
     * evidence and no ACTIVE server at the site. Evidence goes to the journal.
     */
    public Versioned<SiteView> changeStatus(UUID id, IfMatch ifMatch, StatusChange change, boolean correction) {
        Site site = find(id);
        ifMatch.check(site.version);
        SiteStatus next = parse(change.status());
        boolean hasEvidence = change.evidence() != null && !change.evidence().isBlank();
        if (correction && !hasEvidence) {
            throw InvalidInput.field("evidence", "a regulator's correction needs evidence");
        }
        site.requireMove(next, correction);
        if (next == SiteStatus.RETIRED) {
            if (!hasEvidence) {
                throw InvalidInput.field("evidence", "retiring a site needs evidence");
            }
            long active = Server.count("siteCode = ?1 and status = ?2", site.code, ServerStatus.ACTIVE);
            if (active > 0) {
                throw new StateConflict("Site " + site.code + " still has " + active + " active servers");
            }
        }
        SiteView before = SiteView.of(site);
        site.moveTo(next, change.on());
        if (hasEvidence) {
            noteStatus(site.firmId, site.id, change.on(), correction, next, change.evidence());
        }
        site.flush();
        findings.site(site.id);
        return changed(site, correction ? "site.corrected-status" : "site.status", before);
    }

    @Override
    public String subject() {
        return SUBJECT;
    }

    @Override
    protected String firmOf(UUID id) {
        return find(id).firmId;
    }

    /** Audited, after its findings were re-evaluated. */
    private Versioned<SiteView> changed(Site site, String action, SiteView before) {
        site.flush();
        SiteView after = SiteView.of(site);
        audit.record(action, SUBJECT, site.id, site.firmId, before, after);
        return new Versioned<>(after, site.version);
    }

    private static Site find(UUID id) {
        Site site = Site.findById(id);
        if (site == null) {
            throw new NotFound("Site " + id);
        }
        return site;
    }

    private static SiteStatus parse(String status) {
        try {
            return SiteStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("status", "one of " + Arrays.toString(SiteStatus.values()));
        }
    }
}
