package io.guoziyun.inventory.lifecycle;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A move of a site or server to another status on a date. {@code evidence} is required where the directive's
 * enforcement needs proof (retiring a site; decommissioning or migrating a server; any regulator's correction)
 * and is kept in the object's journal.
 */
@Schema(name = "StatusChange")
public record StatusChange(
        @NotBlank @Pattern(regexp = "[A-Z_]{1,24}") @Schema(example = "RETIRED")
        String status,

        @NotNull @Schema(example = "2022-08-31") LocalDate on,

        @Size(max = 3900)
        @Pattern(regexp = "[^\\x00-\\x1F\\x7F]*", message = "no control characters")
        @Schema(example = "Racks emptied and power cut; see disposal certificate 2022-118")
        String evidence) {}
