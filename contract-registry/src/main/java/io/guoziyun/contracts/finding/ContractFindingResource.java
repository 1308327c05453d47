package io.guoziyun.contracts.finding;

import io.guoziyun.commons.finding.FindingsResource;
import io.guoziyun.commons.firm.Roles;
import io.guoziyun.commons.policy.ChinaTime;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/contract-findings")
@Tag(name = "Contract findings", description = "Rules CR-1 to CR-4 of the directive, as of any date")
public class ContractFindingResource extends FindingsResource {

    private final ContractFindings findings;

    public ContractFindingResource(ContractFindings findings) {
        super(findings.reader(), "contract-findings");
        this.findings = findings;
    }

    @GET
    @Path("/overdue-firms")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "listOverdueFirms",
            summary = "Firms still on third-party contracts past their migration deadline, as of a date",
            description = "Roles: regulator and auditor (all firms), firm (itself). One row per firm with open CR-3 "
                    + "findings on asOf: how many contracts, and the most days overdue. Most overdue first.")
    public List<OverdueFirm> overdueFirms(@QueryParam("asOf") @Parameter(example = "2022-10-01") LocalDate asOf) {
        return findings.overdueFirms(ChinaTime.orToday(asOf));
    }
}
