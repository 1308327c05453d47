package io.guoziyun.listing.application;

import io.guoziyun.commons.concurrency.IfMatch;
import io.guoziyun.commons.export.CsvExport;
import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.firm.Roles;
import io.guoziyun.commons.idempotency.Idempotency;
import io.guoziyun.commons.paging.Page;
import io.guoziyun.commons.paging.PageParams;
import io.guoziyun.commons.rest.Versioned;
import io.guoziyun.commons.validation.UsccCode;
import io.guoziyun.listing.review.ReviewClock;
import jakarta.annotation.security.RolesAllowed;
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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/listing-applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Listing applications", description = "Overseas listing applications and the regulator's queue")
@SecurityRequirement(name = "oidc")
public class ApplicationResource {

    private final Caller caller;
    private final Idempotency idempotency;
    private final Applications applications;
    private final ReviewClock today;

    public ApplicationResource(Caller caller, Idempotency idempotency, Applications applications, ReviewClock today) {
        this.caller = caller;
        this.idempotency = idempotency;
        this.applications = applications;
        this.today = today;
    }

    @GET
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "listListingApplications",
            summary = "List applications",
            description = "Roles: firm (its own), regulator and auditor (all; filter by firmId). Deadlines as of asOf "
                    + "(default today). Sort keys: createdAt, submittedOn, deadline, accessionNumber, firmId, stage.")
    public Page<ApplicationView> list(
            @Valid @BeanParam PageParams page,
            @QueryParam("stage") Stage stage,
            @QueryParam("firmId") @UsccCode String firmId,
            @QueryParam("asOf") @Parameter(example = "2024-10-08") LocalDate asOf) {
        return applications.list(page, stage, firmId, asOf);
    }

    @GET
    @Path("/queue")
    @RolesAllowed({Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "getReviewQueue",
            summary = "The regulator's queue",
            description = "Roles: regulator, auditor. Applications awaiting the regulator (SUBMITTED, INITIAL_REVIEW, "
                    + "SPECIAL_REVIEW) by stage deadline, the most overdue first; then those whose clock is stopped "
                    + "waiting for the firm's supplement. Deadlines and working days left as of asOf.")
    public Page<ApplicationView> queue(
            @Valid @BeanParam PageParams page,
            @QueryParam("stage") Stage stage,
            @QueryParam("asOf") @Parameter(example = "2024-10-08") LocalDate asOf) {
        return applications.queue(page, stage, asOf);
    }

    @GET
    @Path("/statistics")
    @RolesAllowed({Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "getListingStatistics",
            summary = "Counts for the regulator overview",
            description = "Roles: regulator, auditor. Applications by stage, and those overdue on asOf.")
    public ListingStatistics statistics(@QueryParam("asOf") @Parameter(example = "2024-10-17") LocalDate asOf) {
        return applications.statistics(asOf == null ? today.today() : asOf);
    }

    @GET
    @Path("/export")
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed({Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "exportListingApplications",
            summary = "Export applications as CSV",
            description = "Roles: regulator, auditor. Every application with its stage and deadline as of asOf.")
    public Response export(
            @QueryParam("stage") Stage stage, @QueryParam("asOf") @Parameter(example = "2024-10-08") LocalDate asOf) {
        LocalDate date = asOf == null ? today.today() : asOf;
        return Response.ok(applications.exportCsv(stage, date))
                .header("Content-Disposition", "attachment; filename=\"listing-applications-" + date + ".csv\"")
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FIRM)
    @Operation(
            operationId = "createListingApplication",
            summary = "Start an application (DRAFT)",
            description = "Role: firm. The firm is the token's firm_id. Upload the three documents, then submit. "
                    + "Send an Idempotency-Key to retry safely.")
    @APIResponse(
            responseCode = "201",
            description = "Created as DRAFT; Location names it",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    public Response create(
            @NotNull(message = "a JSON body is required") @Valid ApplicationFiling body,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            UriInfo uri) {
        String firmId = caller.requireFirmId();
        return idempotency.once(idempotencyKey, "POST /api/v1/listing-applications", body, () -> {
            Versioned<ApplicationView> app = applications.create(firmId, body);
            return app.created(uri.getAbsolutePathBuilder()
                    .path(app.body().id().toString())
                    .build());
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "getListingApplication",
            summary = "Read an application",
            description = "Roles: firm (its own only), regulator, auditor. Its deadline as of asOf (default today).")
    @APIResponse(
            responseCode = "200",
            description = "The application; ETag is its version",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    public Response read(
            @PathParam("id") UUID id, @QueryParam("asOf") @Parameter(example = "2024-10-08") LocalDate asOf) {
        return applications.read(id, asOf).ok();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FIRM)
    @Operation(
            operationId = "correctListingApplication",
            summary = "Correct a draft",
            description = "Role: firm. Replaces the filed fields of a DRAFT; after submission file an amendment. "
                    + "Needs If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "Corrected",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    public Response correct(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid ApplicationFiling body) {
        caller.requireFirmId();
        return applications.correct(id, IfMatch.required(ifMatch), body).ok();
    }

    @GET
    @Path("/{id}/timeline")
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "getListingApplicationTimeline",
            summary = "An application's timeline",
            description = "Roles: firm (own), regulator, auditor. Every transition: who, when, why, under which "
                    + "accession number.")
    public List<TransitionView> timeline(@PathParam("id") UUID id) {
        return applications.timeline(id);
    }

    @GET
    @Path("/{id}/snapshots")
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "listGateSnapshots",
            summary = "The compliance gate's snapshots of an application",
            description = "Roles: firm (own), regulator, auditor. The firm's open findings in contract-registry and "
                    + "asset-inventory as seen at submission and at each decision confirmation.")
    public List<SnapshotView> snapshots(@PathParam("id") UUID id) {
        return applications.snapshots(id);
    }
}
