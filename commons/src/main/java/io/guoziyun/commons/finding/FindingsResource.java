package io.guoziyun.commons.finding;

import io.guoziyun.commons.export.CsvExport;
import io.guoziyun.commons.firm.Roles;
import io.guoziyun.commons.paging.Page;
import io.guoziyun.commons.paging.PageParams;
import io.guoziyun.commons.policy.ChinaTime;
import io.guoziyun.commons.policy.DirectivePolicy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * A service's findings as of any date: list, CSV export and the overview's counts. Each service mounts it under
 * its own path (a subclass with {@code @Path} and {@code @Tag}), like the audit log.
 */
@SecurityRequirement(name = "oidc")
public abstract class FindingsResource {

    private final FindingsReader findings;

    @Inject
    DirectivePolicy policy;

    private final String exportName;

    protected FindingsResource(FindingsReader findings, String exportName) {
        this.findings = findings;
        this.exportName = exportName;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "list{Resource}",
            summary = "List findings as of a date",
            description = "Roles: firm (its own), regulator and auditor (all). The findings detected by asOf, OPEN or "
                    + "RESOLVED as of that day; e.g. ?rule=CR-3&status=OPEN&asOf=2022-10-01 lists every contract still "
                    + "not migrated on that day, with its firm and days overdue. Sort keys: detectedOn, rule, firmId, "
                    + "severity, and deadline (contracts) or subjectType (inventory).")
    public Page<FindingView> list(@Valid @BeanParam FindingFilter filter, @Valid @BeanParam PageParams page) {
        return findings.list(filter, page);
    }

    @GET
    @Path("/export")
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed({Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "export{Resource}",
            summary = "Export findings as of a date as CSV",
            description = "Roles: regulator, auditor. Same filters.")
    public Response export(@Valid @BeanParam FindingFilter filter) {
        return Response.ok(findings.exportCsv(filter))
                .header("Content-Disposition", "attachment; filename=\"" + exportName + "-" + filter.date() + ".csv\"")
                .build();
    }

    @GET
    @Path("/statistics")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "get{Resource}Statistics",
            summary = "Counts for the regulator overview",
            description = "Roles: regulator, auditor. The firms with a record in this service, and open findings by "
                    + "rule on asOf.")
    public FindingStatistics statistics(@QueryParam("asOf") @Parameter(example = "2022-10-01") LocalDate asOf) {
        return findings.statistics(ChinaTime.orToday(asOf));
    }

    @GET
    @Path("/monthly")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "get{Resource}Monthly",
            summary = "Open findings by rule at the end of each month, from the directive's month to asOf's",
            description = "Roles: regulator, auditor. One entry per month since the directive took effect: the "
                    + "open findings of every rule on the month's last day (asOf in asOf's month), each the same as "
                    + "/statistics answers for that day. Computed from the counts kept on write, in one query.")
    public List<MonthlyCounts.Month> monthly(@QueryParam("asOf") @Parameter(example = "2022-10-01") LocalDate asOf) {
        return findings.monthly(firstMonth(), ChinaTime.orToday(asOf));
    }

    /** The first day of the month the directive took effect in: where every monthly series starts. */
    protected LocalDate firstMonth() {
        return policy.effectiveDate().withDayOfMonth(1);
    }
}
