package io.guoziyun.inventory.summary;

import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.firm.Roles;
import io.guoziyun.commons.paging.PageParams;
import io.guoziyun.commons.policy.ChinaTime;
import io.guoziyun.commons.validation.UsccCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/inventory-summary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inventory summary", description = "Each firm's sites, servers and open findings")
@SecurityRequirement(name = "oidc")
public class SummaryResource {

    private final InventorySummaries summaries;
    private final Caller caller;

    public SummaryResource(InventorySummaries summaries, Caller caller) {
        this.summaries = summaries;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @APIResponse(
            responseCode = "200",
            description = "The firms' summaries",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = FirmSummary.class)))
    @Operation(
            operationId = "getInventorySummary",
            summary = "Per-firm summary of the estate",
            description = "Roles: firm (itself), regulator and auditor (every firm, or one with firmId). Sites and "
                    + "servers by status, servers by acquisition, findings open as of asOf (default today in China). "
                    + "With size, a page of firms in USCC order, after the firm given as cursor; the next page is in "
                    + "the Link header (rel=next). Without size, every firm at once: deprecated, its cost grows with "
                    + "the whole estate.")
    public Response summary(
            @QueryParam("asOf") LocalDate asOf,
            @QueryParam("firmId") @UsccCode String firmId,
            @QueryParam("size") @Min(1) @Max(PageParams.MAX_SIZE) Integer size,
            @QueryParam("cursor") @UsccCode String cursor,
            @Context UriInfo uri) {
        LocalDate date = ChinaTime.orToday(asOf);
        if (firmId != null || size == null || caller.isFirm()) {
            // A firm sees itself only (firm scoping), one firm is one page, and no size is the deprecated whole.
            return Response.ok(summaries.of(date, firmId == null ? null : List.of(firmId)))
                    .build();
        }
        List<String> firms = summaries.firmsAfter(cursor, size + 1);
        boolean more = firms.size() > size;
        List<String> page = more ? firms.subList(0, size) : firms;
        Response.ResponseBuilder answer = Response.ok(page.isEmpty() ? List.of() : summaries.of(date, page));
        if (more) {
            var next = uri.getRequestUriBuilder()
                    .replaceQueryParam("cursor", page.get(size - 1))
                    .build();
            answer.header("Link", "<" + next.getRawPath() + "?" + next.getRawQuery() + ">; rel=\"next\"");
        }
        return answer.build();
    }
}
