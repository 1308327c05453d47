package io.guoziyun.listing.application;

import io.guoziyun.commons.concurrency.IfMatch;
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
 * The regulators' steps of the review workflow: determination, extension, member units, special review, supplement requests and the four-eyes decision. A step the state does not permit is 409 with the allowed actions. Each accepts an
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
public class ReviewStepResource extends StepResource {

    private final ListingReview review;
    private final Decisions decisions;

    public ReviewStepResource(Idempotency idempotency, ListingReview review, Decisions decisions) {
        super(idempotency);
        this.review = review;
        this.decisions = decisions;
    }

    @POST
    @Path("/determination")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(
            operationId = "determineReviewRequired",
            summary = "Determine whether review is required (→ INITIAL_REVIEW, or REVIEW_NOT_REQUIRED proposed)",
            description = "Role: regulator. The suite's proposal is in the application's assessment; departing from it"
                    + " needs a departureReason. Review required starts the initial review clock"
                    + " ({policy:guoziyun.review.stages.initial-review} working days). Review not required is a final"
                    + " outcome, so a proposal (with the gate's snapshot) that a second regulator confirms or rejects"
                    + " (ADR 0008).")
    public Response determine(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid ReviewRequests.Determination body,
            @HeaderParam(Idempotency.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return once(id, "determination", body, key, () -> decisions.determine(id, IfMatch.optional(ifMatch), body));
    }

    @POST
    @Path("/extension")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(
            operationId = "extendInitialReview",
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
    @Path("/member-units-consultation")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(
            operationId = "consultMemberUnits",
            summary = "Ask the member units for their opinions (INITIAL_REVIEW → MEMBER_UNITS_REVIEW)",
            description = "Role: regulator. Art. 12: the member units reply within "
                    + "{policy:guoziyun.review.stages.member-units} working days; if they agree, propose the "
                    + "decision; if not, open the special review.")
    public Response consultMemberUnits(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid ReviewRequests.Reasoned body,
            @HeaderParam(Idempotency.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return once(
                id,
                "member-units-consultation",
                body,
                key,
                () -> review.consultMemberUnits(id, IfMatch.optional(ifMatch), body));
    }

    @POST
    @Path("/special-review")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(
            operationId = "openSpecialReview",
            summary = "Open the special review (INITIAL_REVIEW or MEMBER_UNITS_REVIEW → SPECIAL_REVIEW)",
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
            operationId = "requestSupplement",
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
    @Path("/decision-proposal")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(
            operationId = "proposeDecision",
            summary = "Propose a decision (CLEARED or PROHIBITED)",
            description = "Role: regulator. A different regulator must confirm it (four eyes). Reasons mandatory.")
    public Response propose(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid ReviewRequests.DecisionProposal body,
            @HeaderParam(Idempotency.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return once(id, "decision-proposal", body, key, () -> decisions.propose(id, IfMatch.optional(ifMatch), body));
    }

    @POST
    @Path("/decision-confirmation")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(
            operationId = "confirmDecision",
            summary = "Confirm the proposed decision (→ CLEARED, PROHIBITED or REVIEW_NOT_REQUIRED)",
            description = "Role: a regulator other than the proposer (403 for the proposer, compared by token sub)."
                    + " Asks the other services for the firm's open findings first and keeps the snapshot: CLEARED and"
                    + " REVIEW_NOT_REQUIRED are refused with 409 naming them while any of"
                    + " {policy:guoziyun.review.blocking-rules} is open; 503 when a service is down or when the gate"
                    + " cannot read every open finding.")
    public Response confirm(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid ReviewRequests.Reasoned body,
            @HeaderParam(Idempotency.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return once(
                id, "decision-confirmation", body, key, () -> decisions.confirm(id, IfMatch.optional(ifMatch), body));
    }

    @POST
    @Path("/decision-rejection")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(
            operationId = "rejectDecision",
            summary = "Reject the proposed decision",
            description = "Role: a regulator other than the proposer. The review stage goes on; its clock runs on.")
    public Response reject(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid ReviewRequests.Reasoned body,
            @HeaderParam(Idempotency.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return once(id, "decision-rejection", body, key, () -> decisions.reject(id, IfMatch.optional(ifMatch), body));
    }
}
