package io.guoziyun.contracts.migration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A migration plan as a firm files or revises it. */
@Schema(name = "MigrationPlanFiling")
public record PlanFiling(
        @NotBlank
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,63}", message = "a provider slug such as guoziyun")
        @Schema(example = "guoziyun", description = "Must be a STATE_CLOUD provider")
        String targetProvider,

        @NotNull @Schema(example = "2022-06-30") LocalDate plannedCompletionOn) {}
