package io.guoziyun.inventory.site;

import io.guoziyun.commons.audit.AuditTrail;
import io.guoziyun.commons.concurrency.Versions;
import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.firm.Roles;
import io.guoziyun.commons.idempotency.Idempotency;
import io.guoziyun.commons.paging.Conditions;
import io.guoziyun.commons.paging.Page;
import io.guoziyun.commons.paging.PageParams;
import io.guoziyun.commons.policy.ChinaTime;
import io.guoziyun.commons.problem.ProblemException;
import io.guoziyun.commons.validation.UsccCode;
import io.guoziyun.inventory.finding.InventoryFindings;
import io.guoziyun.inventory.journal.Journal;
import io.guoziyun.inventory.journal.JournaledResource;
import io.guoziyun.inventory.lifecycle.StatusChange;
import io.guoziyun.inventory.server.Server;
import io.guoziyun.inventory.server.ServerStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/sites")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sites", description = "Data centres a firm declares, and their lifecycle")
@SecurityRequirement(name = "oidc")
public class SiteResource extends JournaledResource {

    public static final String SUBJECT = "site";
    private static final Map<String, String> SORTS = Map.of(
            "code",
            "code",
            "status",
            "status",
            "commissionedOn",
            "commissionedOn",
            "createdAt",
            "createdAt",
            "firmId",
            "firmId");

    private final Caller caller;
    private final InventoryFindings findings;

    public SiteResource(
            Caller caller, Idempotency idempotency, AuditTrail audit, InventoryFindings findings, Journal journal) {
        super(journal, audit, idempotency);
        this.caller = caller;
        this.findings = findings;
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            summary = "List sites",
            description = "Roles: firm (its own), regulator and auditor (all; filter by firmId). Sort keys: code, "
                    + "status, commissionedOn, createdAt, firmId.")
    public Page<SiteView> list(
            @Valid @BeanParam PageParams page,
            @QueryParam("status") SiteStatus status,
            @QueryParam("firmId") @UsccCode String firmId) {
        Conditions where = new Conditions().equal("status", status).equal("firmId", firmId);
        return Page.of(
                Site.find(where.from("Site"), page.toSort(SORTS, "code", "id"), where.parameters()),
                page,
                SiteView::of);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.FIRM)
    @Operation(summary = "Declare a site", description = "Role: firm. Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = SiteView.class)))
    public Response declare(
            @NotNull(message = "a JSON body is required") @Valid SiteFiling body,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            UriInfo uri) {
        String firmId = caller.requireFirmId();
        return idempotency.once(idempotencyKey, "POST /api/v1/sites", body, () -> {
            if (Site.count("code", body.code()) > 0) {
                throw new ProblemException(409, "Conflict", "Site code " + body.code() + " is already declared");
            }
            Site site = new Site();
            site.id = UUID.randomUUID();
            site.firmId = firmId;
            site.status = body.status() == null ? SiteStatus.ACTIVE : body.status();
            site.createdStatus = site.status;
            site.createdOn = ChinaTime.today();
            site.createdAt = Instant.now();
            apply(body, site);
            site.persistAndFlush();
            findings.site(site.id);
            SiteView view = SiteView.of(site);
            audit.record("site.declared", SUBJECT, site.id, firmId, null, view);
            return Response.created(uri.getAbsolutePathBuilder()
                            .path(site.id.toString())
                            .build())
                    .tag(Versions.etag(site.version))
                    .entity(view)
                    .build();
        });
    }

    @GET
    @Path("/{id}")
    @Transactional
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(summary = "Read a site", description = "Roles: firm (its own only), regulator, auditor.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SiteView.class)))
    public Response read(@PathParam("id") UUID id) {
        Site site = find(id);
        return Response.ok(SiteView.of(site)).tag(Versions.etag(site.version)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.FIRM)
    @Operation(
            summary = "Correct a site's details",
            description = "Role: firm. Needs If-Match. The status is changed only through POST …/status.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SiteView.class)))
    public Response correct(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid SiteFiling body) {
        caller.requireFirmId();
        Site site = find(id);
        Versions.requireMatch(ifMatch, site.version);
        if (body.status() != null && body.status() != site.status) {
            throw ProblemException.invalid("status", "change the status with POST /api/v1/sites/" + id + "/status");
        }
        if (!body.code().equals(site.code) && Site.count("code = ?1 and id <> ?2", body.code(), site.id) > 0) {
            throw new ProblemException(409, "Conflict", "Site code " + body.code() + " is already declared");
        }
        if (!body.code().equals(site.code) && Server.count("siteCode", site.code) > 0) {
            throw new ProblemException(
                    409, "Conflict", "Servers are declared at site " + site.code + "; its code stays");
        }
        SiteView before = SiteView.of(site);
        apply(body, site);
        site.flush();
        findings.site(site.id);
        SiteView after = SiteView.of(site);
        audit.record("site.corrected", SUBJECT, site.id, site.firmId, before, after);
        return Response.ok(after).tag(Versions.etag(site.version)).build();
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR})
    @Operation(
            summary = "Move a site to another status",
            description = "Roles: firm (forward only: PLANNED, UNDER_CONSTRUCTION, ACTIVE, DECOMMISSIONING, RETIRED), "
                    + "regulator (any move, as a correction, with evidence). Retiring needs evidence and no ACTIVE "
                    + "server at the site (409 with the count). If-Match is honoured when sent.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SiteView.class)))
    public Response changeStatus(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid StatusChange body) {
        return idempotency.once(idempotencyKey, "POST /api/v1/sites/" + id + "/status", body, () -> {
            Site site = find(id);
            if (ifMatch != null) {
                Versions.requireMatch(ifMatch, site.version);
            }
            SiteStatus next = parse(body.status());
            boolean correction = !caller.isFirm();
            if (correction && (body.evidence() == null || body.evidence().isBlank())) {
                throw ProblemException.invalid("evidence", "a regulator's correction needs evidence");
            }
            if (!correction && next.ordinal() <= site.status.ordinal()) {
                throw new ProblemException(
                        409, "Conflict", "A site moves only forward: " + site.status + " cannot become " + next);
            }
            if (next == SiteStatus.RETIRED) {
                if (body.evidence() == null || body.evidence().isBlank()) {
                    throw ProblemException.invalid("evidence", "retiring a site needs evidence");
                }
                long active = Server.count("siteCode = ?1 and status = ?2", site.code, ServerStatus.ACTIVE);
                if (active > 0) {
                    throw new ProblemException(
                            409, "Conflict", "Site " + site.code + " still has " + active + " active servers");
                }
            }
            SiteView before = SiteView.of(site);
            site.status = next;
            if (next == SiteStatus.UNDER_CONSTRUCTION && site.constructionStartedOn == null) {
                site.constructionStartedOn = body.on();
            }
            if (next == SiteStatus.ACTIVE && site.commissionedOn == null) {
                site.commissionedOn = body.on();
            }
            site.retiredOn = next == SiteStatus.RETIRED ? body.on() : null;
            if (body.evidence() != null && !body.evidence().isBlank()) {
                noteStatus(site.firmId, site.id, body.on(), correction, next, body.evidence());
            }
            site.flush();
            findings.site(site.id);
            SiteView after = SiteView.of(site);
            audit.record(
                    correction ? "site.corrected-status" : "site.status", SUBJECT, site.id, site.firmId, before, after);
            return Response.ok(after).tag(Versions.etag(site.version)).build();
        });
    }

    @Override
    protected String subject() {
        return SUBJECT;
    }

    @Override
    protected String firmOf(UUID id) {
        return find(id).firmId;
    }

    public static Site find(UUID id) {
        Site site = Site.findById(id);
        if (site == null) {
            throw ProblemException.notFound("Site " + id);
        }
        return site;
    }

    private static SiteStatus parse(String status) {
        try {
            return SiteStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "one of " + java.util.Arrays.toString(SiteStatus.values()));
        }
    }

    private static void apply(SiteFiling body, Site site) {
        site.code = body.code();
        site.name = body.name();
        site.location = body.location();
        site.ownership = body.ownership();
        site.constructionStartedOn = body.constructionStartedOn();
        site.commissionedOn = body.commissionedOn();
        site.racks = body.racks();
        site.powerKw = body.powerKw();
    }
}
