package io.guoziyun.contracts.contract;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A renewal or extension as a firm files it. */
@Schema(name = "RenewalFiling")
public record RenewalFiling(
        @NotNull @Schema(example = "2021-12-01") LocalDate renewedOn,
        @NotNull @Schema(example = "2023-11-30") LocalDate newEndsOn,
        @NotNull Renewal.Kind kind,

        @Size(max = 1000) @Pattern(regexp = "[^\\x00-\\x1F\\x7F]*", message = "no control characters")
        String note) {}
