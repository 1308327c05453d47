package io.guoziyun.contracts.finding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guoziyun.commons.export.CsvExport;
import io.guoziyun.commons.firm.Roles;
import io.guoziyun.commons.paging.Conditions;
import io.guoziyun.commons.paging.Page;
import io.guoziyun.commons.paging.PageParams;
import io.guoziyun.commons.policy.ChinaTime;
import io.guoziyun.commons.statistics.FindingStatistics;
import io.guoziyun.commons.validation.UsccCode;
import io.guoziyun.contracts.finding.FindingView.Status;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/contract-findings")
@Tag(name = "Contract findings", description = "Rules CR-1 to CR-4 of the directive, as of any date")
@SecurityRequirement(name = "oidc")
public class FindingResource {

    private static final Map<String, String> SORTS = Map.of(
            "detectedOn", "detectedOn",
            "deadline", "deadline",
            "rule", "rule",
            "firmId", "firmId",
            "severity", "severity");

    private final ObjectMapper json;

    public FindingResource(ObjectMapper json) {
        this.json = json;
    }

    /** The filters every findings query takes, as of a date. */
    public static class Filter {
        @QueryParam("asOf")
        @Parameter(description = "Evaluate as of this date (default: today in China)", example = "2022-10-01")
        public LocalDate asOf;

        @QueryParam("rule")
        @Pattern(regexp = "CR-[1-4]", message = "one of CR-1, CR-2, CR-3, CR-4")
        public String rule;

        @QueryParam("severity")
        public FindingRule.Severity severity;

        @QueryParam("firmId")
        @UsccCode
        public String firmId;

        @QueryParam("subjectId")
        @Parameter(description = "Only the findings on this object")
        public java.util.UUID subjectId;

        @QueryParam("status")
        @Parameter(description = "OPEN or RESOLVED as of asOf; both when absent")
        public Status status;

        LocalDate date() {
            return ChinaTime.orToday(asOf);
        }

        PanacheQuery<ContractFinding> query(Sort sort) {
            Conditions where = new Conditions()
                    .clause("detectedOn <= :asOf")
                    .parameter("asOf", date())
                    .equal("rule", rule)
                    .equal("severity", severity == null ? null : severity.name())
                    .equal("firmId", firmId)
                    .equal("subjectId", subjectId);
            if (status == Status.OPEN) {
                where.clause("(resolvedOn is null or resolvedOn > :asOf)");
            } else if (status == Status.RESOLVED) {
                where.clause("resolvedOn <= :asOf");
            }
            return ContractFinding.find(where.from("ContractFinding"), sort, where.parameters());
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            summary = "List findings as of a date",
            description =
                    "Roles: firm (its own), regulator and auditor (all). E.g. ?rule=CR-3&status=OPEN&asOf=2022-10-01 "
                            + "lists every contract still not migrated on that day, with its firm and days overdue. Sort keys: "
                            + "detectedOn, deadline, rule, firmId, severity.")
    public Page<FindingView> list(@Valid @BeanParam Filter filter, @Valid @BeanParam PageParams page) {
        LocalDate asOf = filter.date();
        return Page.of(
                filter.query(page.toSort(SORTS, "-detectedOn", "id")), page, f -> FindingView.of(f, asOf, inputs(f)));
    }

    @GET
    @Path("/export")
    @Produces(CsvExport.MEDIA_TYPE)
    @Transactional
    @RolesAllowed({Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            summary = "Export findings as of a date as CSV",
            description = "Roles: regulator, auditor. Same filters.")
    public Response export(@Valid @BeanParam Filter filter) {
        LocalDate asOf = filter.date();
        CsvExport csv = new CsvExport(List.of(
                "id",
                "rule",
                "severity",
                "firmId",
                "subjectId",
                "causeId",
                "status",
                "asOf",
                "detectedOn",
                "resolvedOn",
                "deadline",
                "daysOverdue"));
        for (ContractFinding f :
                filter.query(Sort.by("firmId").and("detectedOn").and("id")).list()) {
            FindingView v = FindingView.of(f, asOf, null);
            csv.row(java.util.Arrays.asList(
                    v.id(),
                    v.rule(),
                    v.severity(),
                    v.firmId(),
                    v.subjectId(),
                    v.causeId(),
                    v.status(),
                    v.asOf(),
                    v.detectedOn(),
                    v.resolvedOn(),
                    v.deadline(),
                    v.daysOverdue()));
        }
        return Response.ok(csv.toString())
                .header("Content-Disposition", "attachment; filename=\"contract-findings-" + asOf + ".csv\"")
                .build();
    }

    @GET
    @Path("/statistics")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            summary = "Counts for the regulator overview",
            description = "Roles: regulator, auditor. The firms with contracts, and open findings by rule on asOf "
                    + "(open CR-3 findings are the contracts overdue for migration).")
    public FindingStatistics statistics(@QueryParam("asOf") @Parameter(example = "2022-10-01") LocalDate asOf) {
        return FindingStatistics.of(
                ContractFinding.getEntityManager(), "ContractFinding", List.of("Contract"), ChinaTime.orToday(asOf));
    }

    @GET
    @Path("/overdue-firms")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            summary = "Firms still on third-party contracts past their migration deadline, as of a date",
            description = "Roles: regulator and auditor (all firms), firm (itself). One row per firm with open CR-3 "
                    + "findings on asOf: how many contracts, and the most days overdue. Most overdue first.")
    public List<OverdueFirm> overdueFirms(@QueryParam("asOf") @Parameter(example = "2022-10-01") LocalDate asOf) {
        LocalDate date = ChinaTime.orToday(asOf);
        List<Object[]> rows = ContractFinding.getEntityManager()
                .createQuery(
                        "select f.firmId, count(f), min(f.deadline) from ContractFinding f where f.rule = 'CR-3'"
                                + " and f.detectedOn <= :asOf and (f.resolvedOn is null or f.resolvedOn > :asOf)"
                                + " group by f.firmId order by min(f.deadline), f.firmId",
                        Object[].class)
                .setParameter("asOf", date)
                .getResultList();
        return rows.stream()
                .map(r -> new OverdueFirm(
                        (String) r[0], ((Number) r[1]).longValue(), ChronoUnit.DAYS.between((LocalDate) r[2], date)))
                .toList();
    }

    private JsonNode inputs(ContractFinding f) {
        try {
            return json.readTree(f.inputs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored inputs of finding " + f.id + " are not JSON", e);
        }
    }
}
