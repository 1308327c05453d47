package io.guoziyun.contracts.provider;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A regulator's change of a provider's classification, with the reason kept in its history. */
@Schema(name = "Reclassification")
public record Reclassification(
        @NotNull Classification classification,

        @Schema(
                description = "The day from which the new classification holds; today in Beijing when absent. The"
                        + " findings of every contract with the provider follow it from that day on, not before.",
                example = "2022-06-01")
        LocalDate effectiveFrom,

        @NotBlank @Size(max = 1000) @Pattern(regexp = "[^\\x00-\\x1F\\x7F]*", message = "no control characters")
        String reason) {}
