package io.guoziyun.inventory.summary;

import io.guoziyun.commons.firm.Roles;
import io.guoziyun.commons.policy.ChinaTime;
import io.guoziyun.commons.validation.UsccCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/inventory-summary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inventory summary", description = "Each firm's sites, servers and open findings")
@SecurityRequirement(name = "oidc")
public class SummaryResource {

    private final EntityManager em;

    public SummaryResource(EntityManager em) {
        this.em = em;
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            summary = "Per-firm summary of the estate",
            description = "Roles: firm (itself), regulator and auditor (every firm, or one with firmId). Sites and "
                    + "servers by status, servers by acquisition, findings open as of asOf (default today in China).")
    public List<FirmSummary> summary(
            @QueryParam("asOf") LocalDate asOf, @QueryParam("firmId") @UsccCode String firmId) {
        LocalDate date = ChinaTime.orToday(asOf);
        Map<String, Map<String, Long>> sites = counts("select firmId, str(status), count(*) from Site", firmId);
        Map<String, Map<String, Long>> servers = counts("select firmId, str(status), count(*) from Server", firmId);
        Map<String, Map<String, Long>> acquisitions =
                counts("select firmId, str(acquisition), count(*) from Server", firmId);
        Map<String, Map<String, Long>> findings = new TreeMap<>();
        var query = em.createQuery(
                        "select firmId, rule, count(*) from InventoryFinding where detectedOn <= :asOf"
                                + " and (resolvedOn is null or resolvedOn > :asOf)"
                                + (firmId == null ? "" : " and firmId = :firmId")
                                + " group by firmId, rule",
                        Object[].class)
                .setParameter("asOf", date);
        if (firmId != null) {
            query.setParameter("firmId", firmId);
        }
        collect(query.getResultList(), findings);
        TreeMap<String, FirmSummary> out = new TreeMap<>();
        Function<String, FirmSummary> empty = f -> new FirmSummary(
                f,
                new TreeMap<>(),
                new TreeMap<>(),
                new TreeMap<>(),
                date,
                new TreeMap<>(Map.of("AI-1", 0L, "AI-2", 0L)));
        sites.forEach((f, m) -> out.computeIfAbsent(f, empty).sitesByStatus().putAll(m));
        servers.forEach(
                (f, m) -> out.computeIfAbsent(f, empty).serversByStatus().putAll(m));
        acquisitions.forEach(
                (f, m) -> out.computeIfAbsent(f, empty).serversByAcquisition().putAll(m));
        findings.forEach((f, m) -> out.computeIfAbsent(f, empty).openFindings().putAll(m));
        return List.copyOf(out.values());
    }

    private Map<String, Map<String, Long>> counts(String select, String firmId) {
        var query = em.createQuery(
                select + (firmId == null ? "" : " where firmId = :firmId") + " group by 1, 2", Object[].class);
        if (firmId != null) {
            query.setParameter("firmId", firmId);
        }
        Map<String, Map<String, Long>> result = new TreeMap<>();
        collect(query.getResultList(), result);
        return result;
    }

    private static void collect(List<Object[]> rows, Map<String, Map<String, Long>> into) {
        for (Object[] r : rows) {
            into.computeIfAbsent((String) r[0], k -> new TreeMap<>())
                    .put(String.valueOf(r[1]), ((Number) r[2]).longValue());
        }
    }
}
