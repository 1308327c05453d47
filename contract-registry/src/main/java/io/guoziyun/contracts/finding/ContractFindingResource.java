package io.guoziyun.contracts.finding;

import io.guoziyun.commons.finding.FindingsResource;
import io.guoziyun.commons.finding.MonthlyCounts;
import io.guoziyun.commons.firm.Roles;
import io.guoziyun.commons.policy.ChinaTime;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/contract-findings")
@Tag(name = "Contract findings", description = "Rules CR-1 to CR-4 of the directive, as of any date")
public class ContractFindingResource extends FindingsResource {

    private final ContractFindings findings;
    private final OverdueFirms overdue;

    public ContractFindingResource(ContractFindings findings, OverdueFirms overdue) {
        super(findings.reader(), "contract-findings");
        this.findings = findings;
        this.overdue = overdue;
    }

    @GET
    @Path("/overdue-firms")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "listOverdueFirms",
            summary = "Firms still on third-party contracts past their migration deadline, as of a date",
            description = "Roles: regulator and auditor (all firms), firm (itself). One row per firm with open CR-3 "
                    + "findings on asOf: how many contracts, the most days overdue, the providers. Most overdue first "
                    + "unless sort says otherwise (maxDaysOverdue, overdueContracts, firmId, provider; '-' before a "
                    + "key: descending). With limit, the rows from offset on, and X-Total-Count: the number of firms.")
    @APIResponse(
            responseCode = "200",
            description = "The firms overdue, one row each",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = OverdueFirm.class)),
            headers =
                    @Header(
                            name = "X-Total-Count",
                            description = "With limit: the firms overdue in all",
                            schema = @Schema(type = SchemaType.INTEGER)))
    public Response overdueFirms(
            @QueryParam("asOf") @Parameter(example = "2022-10-01") LocalDate asOf,
            @QueryParam("sort") @Parameter(example = "-maxDaysOverdue") String sort,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @Min(1) @Max(1000) Integer limit) {
        OverdueFirms.Slice slice = overdue.on(ChinaTime.orToday(asOf), sort, offset, limit);
        Response.ResponseBuilder answer = Response.ok(slice.firms());
        if (limit != null) {
            answer.header("X-Total-Count", slice.total());
        }
        return answer.build();
    }

    @GET
    @Path("/third-party-contracts")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "getThirdPartyContractsMonthly",
            summary = "Contracts still on a third-party cloud at the end of each month, to asOf",
            description = "Roles: regulator, auditor. One entry per month since the directive took effect, counts."
                    + "thirdPartyContracts on the month's last day (asOf in asOf's month): contracts started, their "
                    + "provider classified a third party that day, and neither terminated nor migrated by then.")
    public List<MonthlyCounts.Month> thirdPartyContracts(
            @QueryParam("asOf") @Parameter(example = "2022-10-01") LocalDate asOf) {
        return findings.thirdPartyByMonth(firstMonth(), ChinaTime.orToday(asOf));
    }
}
