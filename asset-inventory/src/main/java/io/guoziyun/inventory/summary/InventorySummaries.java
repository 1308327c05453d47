package io.guoziyun.inventory.summary;

import io.guoziyun.commons.finding.OpenAsOf;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Each firm's estate in counts: sites and servers by status, servers by acquisition, open findings by rule. */
@ApplicationScoped
@Transactional
public class InventorySummaries {

    private final EntityManager em;

    public InventorySummaries(EntityManager em) {
        this.em = em;
    }

    /** Every firm the caller sees, or only {@code firmId}; findings open on {@code asOf}. */
    public List<FirmSummary> of(LocalDate asOf, String firmId) {
        Map<String, Map<String, Long>> sites = counts("select firmId, str(status), count(*) from Site", firmId);
        Map<String, Map<String, Long>> servers = counts("select firmId, str(status), count(*) from Server", firmId);
        Map<String, Map<String, Long>> acquisitions =
                counts("select firmId, str(acquisition), count(*) from Server", firmId);
        Map<String, Map<String, Long>> findings = new TreeMap<>();
        var query = em.createQuery(
                        "select firmId, rule, count(*) from InventoryFinding where " + OpenAsOf.HQL
                                + (firmId == null ? "" : " and firmId = :firmId")
                                + " group by firmId, rule",
                        Object[].class)
                .setParameter("asOf", asOf);
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
                asOf,
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
