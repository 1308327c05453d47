package io.guoziyun.listing.application;

import io.guoziyun.commons.concurrency.IfMatch;
import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.firm.Roles;
import io.guoziyun.commons.idempotency.Idempotency;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The firm's steps of the review workflow: submission, supplement, amendment, withdrawal. A step the state does not permit is 409 with the allowed actions. Each accepts an
 * Idempotency-Key and honours If-Match when sent.
 */
@Path("/api/v1/listing-applications/{id}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Review workflow", description = "Submission, determination, review, supplements and four-eyes decisions")
@SecurityRequirement(name = "oidc")
@APIResponse(
        responseCode = "200",
        description = "The application after the step",
        content = @Content(schema = @Schema(implementation = ApplicationView.class)))
public class FilingStepResource extends StepResource {

    private final Caller caller;
    private final ListingReview review;

    public FilingStepResource(Caller caller, Idempotency idempotency, ListingReview review) {
        super(idempotency);
        this.caller = caller;
        this.review = review;
    }

    @POST
    @Path("/submission")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.FIRM)
    @Operation(
            operationId = "submitListingApplication",
            summary = "Submit (DRAFT → SUBMITTED)",
            description = "Role: firm. Needs one document of each kind. Assigns the accession number, proposes "
                    + "whether review is required (LA-1, LA-3) and snapshots the firm's open findings; the "
                    + "determination clock ({policy:guoziyun.review.stages.determination} working days) starts. "
                    + "503 when a service the gate asks is down.")
    public Response submit(
            @PathParam("id") UUID id,
            @HeaderParam(Idempotency.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        caller.requireFirmId();
        return once(id, "submission", "", key, () -> review.submit(id, IfMatch.optional(ifMatch)));
    }

    @POST
    @Path("/supplement")
    @RolesAllowed(Roles.FIRM)
    @Operation(
            operationId = "answerSupplementRequest",
            summary = "Answer a supplement request (SUPPLEMENT_REQUESTED → the review stage)",
            description = "Role: firm. Upload the materials as documents first. Files an amendment with its own "
                    + "accession number; the stage clock runs again from the next working day.")
    public Response supplement(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid ReviewRequests.Reasoned body,
            @HeaderParam(Idempotency.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        caller.requireFirmId();
        return once(id, "supplement", body, key, () -> review.supplement(id, IfMatch.optional(ifMatch), body));
    }

    @POST
    @Path("/amendment")
    @RolesAllowed(Roles.FIRM)
    @Operation(
            operationId = "amendListingApplication",
            summary = "Amend a submitted application",
            description = "Role: firm. Replaces the filed facts; gets its own accession number (…-A1, -A2); the "
                    + "review proposal is made again. Not while a decision is proposed.")
    public Response amend(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid ReviewRequests.Amendment body,
            @HeaderParam(Idempotency.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        caller.requireFirmId();
        return once(id, "amendment", body, key, () -> review.amend(id, IfMatch.optional(ifMatch), body));
    }

    @POST
    @Path("/withdrawal")
    @RolesAllowed(Roles.FIRM)
    @Operation(
            operationId = "withdrawListingApplication",
            summary = "Withdraw the application",
            description = "Role: firm. Any time before a decision.")
    public Response withdraw(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid ReviewRequests.Reasoned body,
            @HeaderParam(Idempotency.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        caller.requireFirmId();
        return once(id, "withdrawal", body, key, () -> review.withdraw(id, IfMatch.optional(ifMatch), body));
    }
}
