package io.guoziyun.listing.application;

import io.guoziyun.commons.concurrency.IfMatch;
import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.firm.Roles;
import io.guoziyun.commons.idempotency.Idempotency;
import io.guoziyun.commons.rest.Versioned;
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
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The review workflow: each step a {@code POST} sub-resource named for the action. A step the state does not permit
 * is 409 with the allowed actions. Each accepts an Idempotency-Key and honours If-Match when sent.
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
public class WorkflowResource {

    private final Caller caller;
    private final Idempotency idempotency;
    private final ListingReview review;

    public WorkflowResource(Caller caller, Idempotency idempotency, ListingReview review) {
        this.caller = caller;
        this.idempotency = idempotency;
        this.review = review;
    }

    @POST
    @Path("/submission")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.FIRM)
    @Operation(
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
    @Path("/determination")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(
            summary = "Determine whether review is required (SUBMITTED → INITIAL_REVIEW or REVIEW_NOT_REQUIRED)",
            description = "Role: regulator. The suite's proposal is in the application's assessment; this decides. "
                    + "Review required starts the initial review clock "
                    + "({policy:guoziyun.review.stages.initial-review} working days).")
    public Response determine(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid ReviewRequests.Determination body,
            @HeaderParam(Idempotency.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return once(id, "determination", body, key, () -> review.determine(id, IfMatch.optional(ifMatch), body));
    }

    @POST
    @Path("/extension")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(
            summary = "Extend the initial review for a complex case",
            description = "Role: regulator. Once, by the configured extension "
                    + "({policy:guoziyun.review.stages.initial-review-extension} working days).")
    public Response extend(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid ReviewRequests.Reasoned body,
            @HeaderParam(Idempotency.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return once(id, "extension", body, key, () -> review.extend(id, IfMatch.optional(ifMatch), body));
    }

    @POST
    @Path("/special-review")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(
            summary = "Open the special review (INITIAL_REVIEW → SPECIAL_REVIEW)",
            description = "Role: regulator. Starts the special review clock "
                    + "({policy:guoziyun.review.stages.special-review} working days).")
    public Response specialReview(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid ReviewRequests.Reasoned body,
            @HeaderParam(Idempotency.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return once(
                id, "special-review", body, key, () -> review.openSpecialReview(id, IfMatch.optional(ifMatch), body));
    }

    @POST
    @Path("/supplement-request")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(
            summary = "Request supplementary materials (review stage → SUPPLEMENT_REQUESTED)",
            description = "Role: regulator. The stage clock stops until the firm answers (Art. 15). Say what is "
                    + "needed in the reason.")
    public Response requestSupplement(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid ReviewRequests.Reasoned body,
            @HeaderParam(Idempotency.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return once(
                id,
                "supplement-request",
                body,
                key,
                () -> review.requestSupplement(id, IfMatch.optional(ifMatch), body));
    }

    @POST
    @Path("/supplement")
    @RolesAllowed(Roles.FIRM)
    @Operation(
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
    @Path("/decision-proposal")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(
            summary = "Propose a decision (CLEARED or PROHIBITED)",
            description = "Role: regulator. A different regulator must confirm it (four eyes). Reasons mandatory.")
    public Response propose(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid ReviewRequests.DecisionProposal body,
            @HeaderParam(Idempotency.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return once(id, "decision-proposal", body, key, () -> review.propose(id, IfMatch.optional(ifMatch), body));
    }

    @POST
    @Path("/decision-confirmation")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(
            summary = "Confirm the proposed decision (→ CLEARED or PROHIBITED)",
            description = "Role: a regulator other than the proposer (403 for the proposer). Asks the other services "
                    + "for the firm's open findings first and keeps the snapshot: CLEARED is refused with 409 "
                    + "naming them while any of {policy:guoziyun.review.blocking-rules} is open; 503 when a service "
                    + "is down.")
    public Response confirm(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid ReviewRequests.Reasoned body,
            @HeaderParam(Idempotency.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return once(id, "decision-confirmation", body, key, () -> review.confirm(id, IfMatch.optional(ifMatch), body));
    }

    @POST
    @Path("/decision-rejection")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(
            summary = "Reject the proposed decision",
            description = "Role: a regulator other than the proposer. The review stage goes on; its clock runs on.")
    public Response reject(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid ReviewRequests.Reasoned body,
            @HeaderParam(Idempotency.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return once(id, "decision-rejection", body, key, () -> review.reject(id, IfMatch.optional(ifMatch), body));
    }

    @POST
    @Path("/withdrawal")
    @RolesAllowed(Roles.FIRM)
    @Operation(summary = "Withdraw the application", description = "Role: firm. Any time before a decision.")
    public Response withdraw(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid ReviewRequests.Reasoned body,
            @HeaderParam(Idempotency.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        caller.requireFirmId();
        return once(id, "withdrawal", body, key, () -> review.withdraw(id, IfMatch.optional(ifMatch), body));
    }

    private Response once(UUID id, String step, Object body, String key, Supplier<Versioned<ApplicationView>> act) {
        String operation = "POST /api/v1/listing-applications/" + id + "/" + step;
        return idempotency.once(key, operation, body, () -> act.get().ok());
    }
}
