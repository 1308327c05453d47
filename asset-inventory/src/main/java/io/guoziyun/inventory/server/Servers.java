package io.guoziyun.inventory.server;

import io.guoziyun.commons.audit.AuditTrail;
import io.guoziyun.commons.concurrency.IfMatch;
import io.guoziyun.commons.paging.Conditions;
import io.guoziyun.commons.paging.Page;
import io.guoziyun.commons.paging.PageParams;
import io.guoziyun.commons.rest.Versioned;
import io.guoziyun.inventory.finding.InventoryFindingEvaluator;
import io.guoziyun.inventory.journal.Journal;
import io.guoziyun.inventory.journal.Journaled;
import io.guoziyun.inventory.lifecycle.StatusChange;
import io.guoziyun.inventory.site.Site;
import io.guoziyun.problem.AlreadyExists;
import io.guoziyun.problem.InvalidInput;
import io.guoziyun.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The servers a firm declares one at a time: declaration, correction, lifecycle, journal and history. */
@ApplicationScoped
@Transactional
public class Servers extends Journaled {

    public static final String SUBJECT = "server";
    private static final Map<String, String> SORTS = Map.of(
            "assetTag", "assetTag",
            "acquiredOn", "acquiredOn",
            "status", "status",
            "siteCode", "siteCode",
            "createdAt", "createdAt",
            "firmId", "firmId");

    private final InventoryFindingEvaluator findings;

    public Servers(Journal journal, AuditTrail audit, InventoryFindingEvaluator findings) {
        super(journal, audit);
        this.findings = findings;
    }

    /** The list's filters, each applied when given. */
    public record Filter(
            ServerStatus status, Acquisition acquisition, String siteCode, String assetTag, String firmId) {}

    public Page<ServerView> list(PageParams page, Filter filter) {
        Conditions where = new Conditions()
                .equal("status", filter.status())
                .equal("acquisition", filter.acquisition())
                .equal("siteCode", filter.siteCode())
                .equal("assetTag", filter.assetTag())
                .equal("firmId", filter.firmId());
        return Page.of(
                Server.class,
                where,
                page.order(Server.class, SORTS, "assetTag", "id", Set.of("siteCode")),
                page,
                (query, parameters) -> Server.find(query, parameters),
                ServerView::of);
    }

    public Versioned<ServerView> declare(String firmId, ServerFiling filing) {
        requireKnownSite(filing.siteCode());
        if (Server.count("assetTag", filing.assetTag()) > 0) {
            throw new AlreadyExists("Asset tag " + filing.assetTag() + " is already declared");
        }
        Server server = Server.declare(firmId, filing);
        server.persistAndFlush();
        if (server.statusOn != null) {
            noteStatus(firmId, server.id, server.statusOn, false, server.status, filing.evidence());
        }
        findings.server(server.id);
        ServerView view = ServerView.of(server);
        audit.record("server.declared", SUBJECT, server.id, firmId, null, view);
        return new Versioned<>(view, server.version);
    }

    public Versioned<ServerView> read(UUID id) {
        Server server = find(id);
        return new Versioned<>(ServerView.of(server), server.version);
    }

    public Versioned<ServerView> correct(UUID id, IfMatch ifMatch, ServerFiling filing) {
        Server server = find(id);
        ifMatch.check(server.version);
        if (filing.status() != null && filing.status() != server.status) {
            throw InvalidInput.field("status", "change the status with POST /api/v1/servers/" + id + "/status");
        }
        requireKnownSite(filing.siteCode());
        if (!filing.assetTag().equals(server.assetTag)
                && Server.count("assetTag = ?1 and id <> ?2", filing.assetTag(), server.id) > 0) {
            throw new AlreadyExists("Asset tag " + filing.assetTag() + " is already declared");
        }
        ServerView before = ServerView.of(server);
        server.correct(filing);
        server.flush();
        findings.serverCorrected(server.id);
        return changed(server, "server.corrected", before);
    }

    /** A move to another status: a firm's forward, or a regulator's correction; going or gone needs evidence. */
    public Versioned<ServerView> changeStatus(UUID id, IfMatch ifMatch, StatusChange change, boolean correction) {
        Server server = find(id);
        ifMatch.check(server.version);
        ServerStatus next;
        try {
            next = ServerStatus.valueOf(change.status());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("status", "one of " + Arrays.toString(ServerStatus.values()));
        }
        boolean hasEvidence = change.evidence() != null && !change.evidence().isBlank();
        if ((correction || ServerStatus.NEED_EVIDENCE.contains(next)) && !hasEvidence) {
            throw InvalidInput.field("evidence", "moving a server to " + next + " needs evidence");
        }
        ServerView before = ServerView.of(server);
        server.moveTo(next, change.on(), correction);
        if (hasEvidence) {
            noteStatus(server.firmId, server.id, change.on(), correction, next, change.evidence());
        }
        server.flush();
        findings.server(server.id);
        return changed(server, correction ? "server.corrected-status" : "server.status", before);
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
    private Versioned<ServerView> changed(Server server, String action, ServerView before) {
        server.flush();
        ServerView after = ServerView.of(server);
        audit.record(action, SUBJECT, server.id, server.firmId, before, after);
        return new Versioned<>(after, server.version);
    }

    private static Server find(UUID id) {
        Server server = Server.findById(id);
        if (server == null) {
            throw new NotFound("Server " + id);
        }
        return server;
    }

    private static void requireKnownSite(String siteCode) {
        if (siteCode != null && Site.count("code", siteCode) == 0) {
            throw InvalidInput.field("siteCode", "no site " + siteCode + " is declared by this firm");
        }
    }
}
