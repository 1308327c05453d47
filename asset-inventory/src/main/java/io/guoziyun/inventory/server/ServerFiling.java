package io.guoziyun.inventory.server;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A server as a firm declares or corrects it (one row of a bulk import has the same fields). */
@Schema(name = "ServerFiling")
public record ServerFiling(
        @NotBlank
        @Pattern(regexp = ServerFields.ASSET_TAG, message = ServerFields.ASSET_TAG_RULE)
        @Schema(example = "SRV-000123")
        String assetTag,

        @Size(max = 128) @Pattern(regexp = ServerFields.TEXT, message = ServerFields.TEXT_RULE)
        String serial,

        @Size(max = 253)
        @Pattern(regexp = ServerFields.HOSTNAME, message = ServerFields.HOSTNAME_RULE)
        @Schema(example = "db-01.tj.example.cn")
        String hostname,

        @Size(max = 128)
        @Pattern(regexp = ServerFields.TEXT, message = ServerFields.TEXT_RULE)
        @Schema(example = "Inspur")
        String vendor,

        @Size(max = 128)
        @Pattern(regexp = ServerFields.TEXT, message = ServerFields.TEXT_RULE)
        @Schema(example = "NF5280M6")
        String model,

        @Pattern(regexp = ServerFields.SITE_CODE, message = ServerFields.SITE_CODE_RULE)
        @Schema(example = "TJ-BINHAI-1")
        String siteCode,

        @NotNull Acquisition acquisition,
        @NotNull @Schema(example = "2021-05-20") LocalDate acquiredOn,

        @Schema(
                description = "Status when first declared (default ACTIVE); ignored on correction. DECOMMISSIONING,"
                        + " DECOMMISSIONED and MIGRATED need statusOn and evidence (422 naming the field otherwise)")
        ServerStatus status,

        @Schema(description = "With a status past ACTIVE: the day the server reached it, on or after acquiredOn")
        LocalDate statusOn,

        @Size(max = 3900)
        @Pattern(regexp = ServerFields.TEXT, message = ServerFields.TEXT_RULE)
        @Schema(description = "With a status past ACTIVE: the evidence of it, kept in the server's journal")
        String evidence,

        @Size(max = 128)
        @Pattern(regexp = ServerFields.TEXT, message = ServerFields.TEXT_RULE)
        @Schema(example = "database")
        String role) {}
