package io.guoziyun.contracts.finding;

import io.guoziyun.commons.finding.FindingView;
import io.guoziyun.commons.finding.OpenAsOf;
import io.guoziyun.problem.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The firms with third-party contracts past their migration deadline on a day (open CR-3 findings), one row per
 * firm: the whole list, or a slice of it in a chosen order. The database groups, orders and slices; a slice holds
 * only its own rows, whatever the number of firms overdue.
 */
@ApplicationScoped
@Transactional
public class OverdueFirms {

    /** A slice of the list and the size of the whole. */
    public record Slice(List<OverdueFirm> firms, long total) {}

    /** Sort keys and the aggregate each orders by; most days overdue is the earliest detection. */
    static final Map<String, String> ORDERS = Map.of(
            "maxDaysOverdue", "min(f.detectedOn) desc",
            "-maxDaysOverdue", "min(f.detectedOn)",
            "overdueContracts", "count(f)",
            "-overdueContracts", "count(f) desc",
            "firmId", "f.firmId",
            "-firmId", "f.firmId desc",
            "provider", "min(c.provider)",
            "-provider", "min(c.provider) desc");

    static final String DEFAULT_SORT = "-maxDaysOverdue";

    private final EntityManager em;

    public OverdueFirms(EntityManager em) {
        this.em = em;
    }

    /** Rows {@code offset} to {@code offset + limit} in {@code sort}'s order (then by firm); every row when no limit. */
    public Slice on(LocalDate asOf, String sort, int offset, Integer limit) {
        String order = ORDERS.get(sort == null ? DEFAULT_SORT : sort);
        if (order == null) {
            throw InvalidInput.field("sort", "one of " + String.join(", ", new TreeSet<>(ORDERS.keySet())));
        }
        var query = em.createQuery(
                        "select f.firmId, count(f), min(f.detectedOn) from ContractFinding f join Contract c on c.id ="
                                + " f.subjectId where f.rule = 'CR-3' and " + OpenAsOf.hql("f")
                                + " group by f.firmId order by " + order + ", f.firmId",
                        Object[].class)
                .setParameter("asOf", asOf)
                .setFirstResult(offset);
        if (limit != null) {
            query.setMaxResults(limit);
        }
        Map<String, Object[]> rows = new LinkedHashMap<>();
        query.getResultList().forEach(r -> rows.put((String) r[0], r));
        Map<String, TreeSet<String>> providers = providers(asOf, rows.keySet());
        List<OverdueFirm> firms = new ArrayList<>(rows.size());
        rows.forEach((firm, r) -> firms.add(new OverdueFirm(
                firm,
                ((Number) r[1]).longValue(),
                FindingView.daysOverdue((LocalDate) r[2], asOf),
                List.copyOf(providers.getOrDefault(firm, new TreeSet<>())))));
        long total = limit == null && offset == 0 ? firms.size() : count(asOf);
        return new Slice(firms, total);
    }

    /** The providers of the overdue contracts of {@code firms} (the slice's own, by their index). */
    private Map<String, TreeSet<String>> providers(LocalDate asOf, java.util.Collection<String> firms) {
        Map<String, TreeSet<String>> providers = new LinkedHashMap<>();
        if (firms.isEmpty()) {
            return providers;
        }
        em.createQuery(
                        "select distinct f.firmId, c.provider from ContractFinding f join Contract c on c.id ="
                                + " f.subjectId where f.rule = 'CR-3' and f.firmId in :firms and "
                                + OpenAsOf.hql("f"),
                        Object[].class)
                .setParameter("asOf", asOf)
                .setParameter("firms", firms)
                .getResultList()
                .forEach(r -> providers
                        .computeIfAbsent((String) r[0], k -> new TreeSet<>())
                        .add((String) r[1]));
        return providers;
    }

    private long count(LocalDate asOf) {
        return em.createQuery(
                        "select count(distinct f.firmId) from ContractFinding f where f.rule = 'CR-3' and "
                                + OpenAsOf.hql("f"),
                        Long.class)
                .setParameter("asOf", asOf)
                .getSingleResult();
    }
}
