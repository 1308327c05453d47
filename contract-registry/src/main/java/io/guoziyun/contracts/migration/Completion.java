package io.guoziyun.contracts.migration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The day the contract's data was fully on the state cloud. */
@Schema(name = "MigrationCompletion")
public record Completion(
        @NotNull @Schema(example = "2022-06-28") LocalDate completedOn,

        @Size(max = 500)
        @Pattern(regexp = "[^\\x00-\\x1F\\x7F]*", message = "no control characters")
        @Schema(
                description = "The document that proves the date, e.g. the acceptance report's number; required when"
                        + " completedOn is more than {policy:guoziyun.policy.backdating-days} days back",
                example = "Migration acceptance report GZY-2022-0628")
        String evidence) {}
