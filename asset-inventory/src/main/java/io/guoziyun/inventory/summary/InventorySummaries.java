package io.guoziyun.inventory.summary;

import io.guoziyun.commons.finding.OpenAsOf;
import io.guoziyun.commons.firm.Caller;
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
    private final Caller caller;

    public InventorySummaries(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
    }

    /**
     * The firms after {@code cursor} in USCC order, at most {@code size} (from the firms that filed here, kept on
     * write): a page of the summary costs the same however many firms and servers there are.
     */
    @SuppressWarnings("unchecked")
    public List<String> firmsAfter(String cursor, int size) {
        return em.createNativeQuery("SELECT firm_id FROM filed_firm WHERE firm_id > ?1 ORDER BY firm_id LIMIT ?2")
                .setParameter(1, cursor == null ? "" : cursor)
                .setParameter(2, size)
                .getResultList();
    }

    /**
     * The firms the caller sees, or only those of {@code firms} when given (one firm: {@code firmId}; a page:
     * {@link #firmsAfter}); findings open on {@code asOf}.
     */
    public List<FirmSummary> of(LocalDate asOf, List<String> firms) {
        Map<String, Map<String, Long>> sites = counts("select firmId, str(status), count(*) from Site", firms);
        Map<String, Map<String, Long>> servers = tally("status", firms);
        Map<String, Map<String, Long>> acquisitions = tally("acquisition", firms);
        Map<String, Map<String, Long>> findings = new TreeMap<>();
        var query = em.createQuery(
                        "select firmId, rule, count(*) from InventoryFinding where " + OpenAsOf.HQL
                                + (firms == null ? "" : " and firmId in :firms")
                                + " group by firmId, rule",
                        Object[].class)
                .setParameter("asOf", asOf);
        if (firms != null) {
            query.setParameter("firms", firms);
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

    private Map<String, Map<String, Long>> counts(String select, List<String> firms) {
        var query = em.createQuery(
                select + (firms == null ? "" : " where firmId in :firms") + " group by 1, 2", Object[].class);
        if (firms != null) {
            query.setParameter("firms", firms);
        }
        Map<String, Map<String, Long>> result = new TreeMap<>();
        collect(query.getResultList(), result);
        return result;
    }

    /** Servers by {@code column} from the tally kept on write (ADR 0010): a few rows per firm, whatever its size. */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Long>> tally(String column, List<String> firms) {
        var query = em.createNativeQuery("SELECT firm_id, " + column + ", sum(servers) FROM server_tally"
                + (firms == null ? "" : " WHERE firm_id IN (:firms)")
                + (caller.isFirm() ? (firms == null ? " WHERE" : " AND") + " firm_id = :caller" : "")
                + " GROUP BY 1, 2 HAVING sum(servers) <> 0");
        if (firms != null) {
            query.setParameter("firms", firms);
        }
        if (caller.isFirm()) {
            query.setParameter("caller", caller.requireFirmId());
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
