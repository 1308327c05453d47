package io.guoziyun.contracts.contract;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The end of a contract before (or at) its term. */
@Schema(name = "Termination")
public record Termination(
        @NotNull @Schema(example = "2022-06-30") LocalDate terminatedOn,

        @NotBlank
        @Size(max = 1000)
        @Pattern(regexp = "[^\\x00-\\x1F\\x7F]*", message = "no control characters")
        @Schema(example = "Data moved to Guoziyun; contract ended by mutual agreement")
        String reason,

        @Size(max = 500)
        @Pattern(regexp = "[^\\x00-\\x1F\\x7F]*", message = "no control characters")
        @Schema(
                description = "The document that proves the date, e.g. the termination agreement's number; required"
                        + " when terminatedOn is more than {policy:guoziyun.policy.backdating-days} days back",
                example = "Termination agreement ALI-2022-0612")
        String evidence) {}
