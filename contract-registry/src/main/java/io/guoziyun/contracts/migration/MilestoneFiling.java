package io.guoziyun.contracts.migration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MilestoneFiling")
public record MilestoneFiling(
        @NotBlank
        @Size(max = 200)
        @Pattern(regexp = "[^\\x00-\\x1F\\x7F]*", message = "no control characters")
        @Schema(example = "Databases copied to Guoziyun")
        String title,

        @NotNull @Schema(example = "2022-04-30") LocalDate dueOn,
        @NotNull @Min(0) @Max(100) @Schema(example = "40") Integer progress,

        @Size(max = 20)
        List<
                        @NotBlank @Size(max = 2000)
                        @Pattern(regexp = "https?://[^\\s\\x00-\\x1F\\x7F]+", message = "an http(s) URL") String>
                evidence) {}
