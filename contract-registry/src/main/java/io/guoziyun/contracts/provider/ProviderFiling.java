package io.guoziyun.contracts.provider;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A provider a regulator adds to the registry. */
@Schema(name = "ProviderFiling")
public record ProviderFiling(
        @NotBlank
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,63}", message = "a slug: lower-case letters, digits and -")
        @Schema(example = "baidu-cloud")
        String slug,

        @NotBlank
        @Size(max = 128)
        @Pattern(regexp = "[^\\x00-\\x1F\\x7F]*", message = "no control characters")
        @Schema(example = "Baidu AI Cloud")
        String name,

        @NotNull Classification classification,

        @Schema(
                description = "The day from which the classification holds; when absent, it has always held (the"
                        + " provider is what it is)",
                example = "2021-08-12")
        LocalDate effectiveFrom,

        @NotBlank
        @Size(max = 1000)
        @Pattern(regexp = "[^\\x00-\\x1F\\x7F]*", message = "no control characters")
        @Schema(example = "Named in the municipal notice of 2021-09-15")
        String reason) {}
