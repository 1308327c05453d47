package io.guoziyun.inventory.finding;

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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/inventory-findings")
@Tag(name = "Inventory findings", description = "Rules AI-1 and AI-2 of the directive, as of any date")
@SecurityRequirement(name = "oidc")
public class InventoryFindingResource {

    private static final Map<String, String> SORTS =
            Map.of("detectedOn", "detectedOn", "rule", "rule", "firmId", "firmId", "subjectType", "subjectType");

    private final ObjectMapper json;

    public InventoryFindingResource(ObjectMapper json) {
        this.json = json;
    }

    /** The filters every findings query takes, as of a date. */
    public static class Filter {
        @QueryParam("asOf")
        @Parameter(description = "Evaluate as of this date (default: today in China)", example = "2022-10-01")
        public LocalDate asOf;

        @QueryParam("rule")
        @Pattern(regexp = "AI-[12]", message = "AI-1 or AI-2")
        public String rule;

        @QueryParam("severity")
        @Pattern(regexp = "CRITICAL|WARNING", message = "CRITICAL or WARNING")
        public String severity;

        @QueryParam("firmId")
        @UsccCode
        public String firmId;

        @QueryParam("subjectId")
        @Parameter(description = "Only the findings on this object")
        public java.util.UUID subjectId;

        @QueryParam("status")
        @Pattern(regexp = "OPEN|RESOLVED", message = "OPEN or RESOLVED")
        @Parameter(description = "OPEN or RESOLVED as of asOf; both when absent")
        public String status;

        LocalDate date() {
            return ChinaTime.orToday(asOf);
        }

        PanacheQuery<InventoryFinding> query(Sort sort) {
            Conditions where = new Conditions()
                    .clause("detectedOn <= :asOf")
                    .parameter("asOf", date())
                    .equal("rule", rule)
                    .equal("severity", severity)
                    .equal("firmId", firmId)
                    .equal("subjectId", subjectId);
            if ("OPEN".equals(status)) {
                where.clause("(resolvedOn is null or resolvedOn > :asOf)");
            } else if ("RESOLVED".equals(status)) {
                where.clause("resolvedOn <= :asOf");
            }
            return InventoryFinding.find(where.from("InventoryFinding"), sort, where.parameters());
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            summary = "List findings as of a date",
            description = "Roles: firm (its own), regulator and auditor (all). E.g. ?rule=AI-2&asOf=2022-10-01 lists "
                    + "the servers bought after the directive that the firm still had that day. Sort keys: detectedOn, "
                    + "rule, firmId, subjectType.")
    public Page<InventoryFindingView> list(@Valid @BeanParam Filter filter, @Valid @BeanParam PageParams page) {
        LocalDate asOf = filter.date();
        return Page.of(
                filter.query(page.toSort(SORTS, "-detectedOn", "id")),
                page,
                f -> InventoryFindingView.of(f, asOf, inputs(f)));
    }

    @GET
    @Path("/statistics")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            summary = "Counts for the regulator overview",
            description = "Roles: regulator, auditor. The firms with sites or servers, and open findings by rule on "
                    + "asOf (AI-1: new data centres, AI-2: servers bought after the directive).")
    public FindingStatistics statistics(@QueryParam("asOf") @Parameter(example = "2022-10-01") LocalDate asOf) {
        return FindingStatistics.of(
                InventoryFinding.getEntityManager(),
                "InventoryFinding",
                List.of("Site", "Server"),
                ChinaTime.orToday(asOf));
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
                "subjectType",
                "subjectId",
                "status",
                "asOf",
                "detectedOn",
                "resolvedOn"));
        for (InventoryFinding f :
                filter.query(Sort.by("firmId").and("detectedOn").and("id")).list()) {
            InventoryFindingView v = InventoryFindingView.of(f, asOf, null);
            csv.row(Arrays.asList(
                    v.id(),
                    v.rule(),
                    v.severity(),
                    v.firmId(),
                    v.subjectType(),
                    v.subjectId(),
                    v.status(),
                    v.asOf(),
                    v.detectedOn(),
                    v.resolvedOn()));
        }
        return Response.ok(csv.toString())
                .header("Content-Disposition", "attachment; filename=\"inventory-findings-" + asOf + ".csv\"")
                .build();
    }

    private JsonNode inputs(InventoryFinding f) {
        try {
            return json.readTree(f.inputs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored inputs of finding " + f.id + " are not JSON", e);
        }
    }
}
