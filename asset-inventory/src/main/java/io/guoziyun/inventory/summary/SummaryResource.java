package io.guoziyun.inventory.summary;

import io.guoziyun.commons.firm.Roles;
import io.guoziyun.commons.policy.ChinaTime;
import io.guoziyun.commons.validation.UsccCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/inventory-summary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inventory summary", description = "Each firm's sites, servers and open findings")
@SecurityRequirement(name = "oidc")
public class SummaryResource {

    private final InventorySummaries summaries;

    public SummaryResource(InventorySummaries summaries) {
        this.summaries = summaries;
    }

    @GET
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "getInventorySummary",
            summary = "Per-firm summary of the estate",
            description = "Roles: firm (itself), regulator and auditor (every firm, or one with firmId). Sites and "
                    + "servers by status, servers by acquisition, findings open as of asOf (default today in China).")
    public List<FirmSummary> summary(
            @QueryParam("asOf") LocalDate asOf, @QueryParam("firmId") @UsccCode String firmId) {
        return summaries.of(ChinaTime.orToday(asOf), firmId);
    }
}
