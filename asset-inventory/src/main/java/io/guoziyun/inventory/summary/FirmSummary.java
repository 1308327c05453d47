package io.guoziyun.inventory.summary;

import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One firm's estate: sites and servers by status, servers by how they were acquired, findings open as of a date. */
@Schema(name = "InventorySummary")
public record FirmSummary(
        String firmId,
        Map<String, Long> sitesByStatus,
        Map<String, Long> serversByStatus,

        @Schema(description = "Leases and transfers are counted here, not flagged")
        Map<String, Long> serversByAcquisition,

        LocalDate asOf,
        Map<String, Long> openFindings) {}
