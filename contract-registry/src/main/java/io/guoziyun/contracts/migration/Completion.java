package io.guoziyun.contracts.migration;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The day the contract's data was fully on the state cloud. */
@Schema(name = "MigrationCompletion")
public record Completion(
        @NotNull @Schema(example = "2022-06-28") LocalDate completedOn) {}
