package io.guoziyun.listing.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the review workflow's steps: each says why, for the timeline. */
public final class ReviewRequests {

    private ReviewRequests() {}

    @Schema(name = "StepReason")
    public record Reasoned(
            @NotBlank @Size(max = 4000) @Schema(example = "Initial review opinion attached")
            String reason) {}

    @Schema(name = "Determination")
    public record Determination(
            @NotNull @Schema(description = "Whether a cybersecurity review is required")
            Boolean reviewRequired,

            @NotBlank @Size(max = 4000) @Schema(example = "LA-1: 2.5 million users, listing in the US")
            String reason,

            @Size(max = 4000)
            @Schema(
                    description = "Why the determination departs from the suite's assessment "
                            + "(assessment.reviewProposed); required when it does, else 400")
            String departureReason) {}

    public enum Outcome {
        CLEARED,
        PROHIBITED
    }

    @Schema(name = "DecisionProposal")
    public record DecisionProposal(
            @NotNull Outcome outcome,

            @NotBlank @Size(max = 4000) @Schema(example = "No effect on national security found")
            String reasons) {}

    @Schema(name = "Amendment")
    public record Amendment(
            @NotNull(message = "the amended filing is required") @Valid
            ApplicationFiling filing,

            @NotBlank @Size(max = 4000) @Schema(example = "User count restated after the audit")
            String reason) {}
}
