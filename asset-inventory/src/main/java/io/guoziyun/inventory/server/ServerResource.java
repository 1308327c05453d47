package io.guoziyun.inventory.server;

import io.guoziyun.commons.audit.AuditTrail;
import io.guoziyun.commons.concurrency.Versions;
import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.firm.Roles;
import io.guoziyun.commons.idempotency.Idempotency;
import io.guoziyun.commons.paging.Conditions;
import io.guoziyun.commons.paging.Page;
import io.guoziyun.commons.paging.PageParams;
import io.guoziyun.commons.problem.ProblemException;
import io.guoziyun.commons.validation.UsccCode;
import io.guoziyun.inventory.finding.InventoryFindings;
import io.guoziyun.inventory.journal.Journal;
import io.guoziyun.inventory.journal.JournaledResource;
import io.guoziyun.inventory.lifecycle.StatusChange;
import io.guoziyun.inventory.site.Site;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

@Path("/api/v1/servers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Servers", description = "Servers a firm declares, and their lifecycle")
@SecurityRequirement(name = "oidc")
public class ServerResource extends JournaledResource {

    public static final String SUBJECT = "server";
    private static final Map<String, String> SORTS = Map.of(
            "assetTag",
            "assetTag",
            "acquiredOn",
            "acquiredOn",
            "status",
            "status",
            "siteCode",
            "siteCode",
            "createdAt",
            "createdAt",
            "firmId",
            "firmId");

    private final Caller caller;
    private final InventoryFindings findings;

    public ServerResource(
            Caller caller, Idempotency idempotency, AuditTrail audit, InventoryFindings findings, Journal journal) {
        super(journal, audit, idempotency);
        this.caller = caller;
        this.findings = findings;
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            summary = "List servers",
            description = "Roles: firm (its own), regulator and auditor (all; filter by firmId). Sort keys: assetTag, "
                    + "acquiredOn, status, siteCode, createdAt, firmId.")
    public Page<ServerView> list(
            @Valid @BeanParam PageParams page,
            @QueryParam("status") ServerStatus status,
            @QueryParam("acquisition") Acquisition acquisition,
            @QueryParam("siteCode") @Pattern(regexp = ServerFields.SITE_CODE) String siteCode,
            @QueryParam("assetTag") @Pattern(regexp = ServerFields.ASSET_TAG) String assetTag,
            @QueryParam("firmId") @UsccCode String firmId) {
        Conditions where = new Conditions()
                .equal("status", status)
                .equal("acquisition", acquisition)
                .equal("siteCode", siteCode)
                .equal("assetTag", assetTag)
                .equal("firmId", firmId);
        return Page.of(
                Server.find(where.from("Server"), page.toSort(SORTS, "assetTag", "id"), where.parameters()),
                page,
                ServerView::of);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.FIRM)
    @Operation(
            summary = "Declare a server",
            description = "Role: firm. For many servers use POST /api/v1/servers/import. Idempotency-Key honoured.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ServerView.class)))
    public Response declare(
            @NotNull(message = "a JSON body is required") @Valid ServerFiling body,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            UriInfo uri) {
        String firmId = caller.requireFirmId();
        return idempotency.once(idempotencyKey, "POST /api/v1/servers", body, () -> {
            requireKnownSite(body.siteCode());
            if (Server.count("assetTag", body.assetTag()) > 0) {
                throw new ProblemException(409, "Conflict", "Asset tag " + body.assetTag() + " is already declared");
            }
            Server server = new Server();
            server.id = UUID.randomUUID();
            server.firmId = firmId;
            server.status = body.status() == null ? ServerStatus.ACTIVE : body.status();
            server.createdAt = Instant.now();
            apply(body, server);
            server.persistAndFlush();
            findings.server(server.id);
            ServerView view = ServerView.of(server);
            audit.record("server.declared", SUBJECT, server.id, firmId, null, view);
            return Response.created(uri.getAbsolutePathBuilder()
                            .path(server.id.toString())
                            .build())
                    .tag(Versions.etag(server.version))
                    .entity(view)
                    .build();
        });
    }

    @GET
    @Path("/{id}")
    @Transactional
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(summary = "Read a server", description = "Roles: firm (its own only), regulator, auditor.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ServerView.class)))
    public Response read(@PathParam("id") UUID id) {
        Server server = find(id);
        return Response.ok(ServerView.of(server))
                .tag(Versions.etag(server.version))
                .build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.FIRM)
    @Operation(
            summary = "Correct a server's details",
            description = "Role: firm. Needs If-Match. The status is changed only through POST …/status.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ServerView.class)))
    public Response correct(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid ServerFiling body) {
        caller.requireFirmId();
        Server server = find(id);
        Versions.requireMatch(ifMatch, server.version);
        if (body.status() != null && body.status() != server.status) {
            throw ProblemException.invalid("status", "change the status with POST /api/v1/servers/" + id + "/status");
        }
        requireKnownSite(body.siteCode());
        if (!body.assetTag().equals(server.assetTag)
                && Server.count("assetTag = ?1 and id <> ?2", body.assetTag(), server.id) > 0) {
            throw new ProblemException(409, "Conflict", "Asset tag " + body.assetTag() + " is already declared");
        }
        ServerView before = ServerView.of(server);
        apply(body, server);
        server.flush();
        findings.server(server.id);
        ServerView after = ServerView.of(server);
        audit.record("server.corrected", SUBJECT, server.id, server.firmId, before, after);
        return Response.ok(after).tag(Versions.etag(server.version)).build();
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR})
    @Operation(
            summary = "Move a server to another status",
            description = "Roles: firm (forward only), regulator (any move, as a correction, with evidence). "
                    + "DECOMMISSIONING, DECOMMISSIONED and MIGRATED need evidence, kept in the journal.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ServerView.class)))
    public Response changeStatus(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid StatusChange body) {
        return idempotency.once(idempotencyKey, "POST /api/v1/servers/" + id + "/status", body, () -> {
            Server server = find(id);
            if (ifMatch != null) {
                Versions.requireMatch(ifMatch, server.version);
            }
            ServerStatus next;
            try {
                next = ServerStatus.valueOf(body.status());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("status", "one of " + java.util.Arrays.toString(ServerStatus.values()));
            }
            boolean correction = !caller.isFirm();
            boolean hasEvidence = body.evidence() != null && !body.evidence().isBlank();
            if ((correction || ServerStatus.NEED_EVIDENCE.contains(next)) && !hasEvidence) {
                throw ProblemException.invalid("evidence", "moving a server to " + next + " needs evidence");
            }
            if (!correction && !server.status.canMoveTo(next)) {
                throw new ProblemException(409, "Conflict", "A server in " + server.status + " cannot become " + next);
            }
            if (body.on().isBefore(server.acquiredOn)) {
                throw ProblemException.invalid(
                        "on", "must not be before the server was acquired (" + server.acquiredOn + ")");
            }
            ServerView before = ServerView.of(server);
            server.status = next;
            server.statusOn = body.on();
            if (hasEvidence) {
                noteStatus(server.firmId, server.id, body.on(), correction, next, body.evidence());
            }
            server.flush();
            findings.server(server.id);
            ServerView after = ServerView.of(server);
            audit.record(
                    correction ? "server.corrected-status" : "server.status",
                    SUBJECT,
                    server.id,
                    server.firmId,
                    before,
                    after);
            return Response.ok(after).tag(Versions.etag(server.version)).build();
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

    public static Server find(UUID id) {
        Server server = Server.findById(id);
        if (server == null) {
            throw ProblemException.notFound("Server " + id);
        }
        return server;
    }

    private static void requireKnownSite(String siteCode) {
        if (siteCode != null && Site.count("code", siteCode) == 0) {
            throw ProblemException.invalid("siteCode", "no site " + siteCode + " is declared by this firm");
        }
    }

    private static void apply(ServerFiling body, Server server) {
        server.assetTag = body.assetTag();
        server.serial = body.serial();
        server.hostname = body.hostname();
        server.vendor = body.vendor();
        server.model = body.model();
        server.siteCode = body.siteCode();
        server.acquisition = body.acquisition();
        server.acquiredOn = body.acquiredOn();
        server.role = body.role();
    }
}
