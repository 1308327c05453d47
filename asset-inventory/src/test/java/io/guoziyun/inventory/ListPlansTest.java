package io.guoziyun.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guoziyun.commons.finding.FindingFilter;
import io.guoziyun.commons.finding.FindingStatus;
import io.guoziyun.commons.finding.Severity;
import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.paging.Page;
import io.guoziyun.commons.paging.PageParams;
import io.guoziyun.inventory.finding.InventoryFindings;
import io.guoziyun.inventory.server.Acquisition;
import io.guoziyun.inventory.server.ServerStatus;
import io.guoziyun.inventory.server.Servers;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every filter and every sort of the two lists that grow with the nation (servers, their findings), first page
 * and a page after a cursor, reads an index, never the whole table: 200,000 servers and their findings are filed
 * (in a transaction rolled back at the end), analysed, then each list is asked for and PostgreSQL's own count of
 * sequential scans in the transaction must stay where it was. Without the indexes of V4 it does not.
 */
@QuarkusTest
@io.quarkus.test.common.WithTestResource(io.guoziyun.commons.testing.TestOidc.class)
class ListPlansTest {

    private static final String FIRM = "PLANFIRM0000000005";

    @Inject
    Servers servers;

    @Inject
    InventoryFindings findings;

    @Inject
    EntityManager em;

    @Test
    void noListReadsAWholeLargeTable() {
        Arc.container().requestContext().activate();
        try {
            Arc.container().instance(Caller.class).get().actAsSystem();
            QuarkusTransaction.begin();
            try {
                file();
                List<String> scans = new ArrayList<>();
                serverQueries().forEach((name, query) -> check("servers " + name, query, scans));
                findingQueries().forEach((name, query) -> check("findings " + name, query, scans));
                assertEquals(List.of(), scans, "lists that read a whole table");
            } finally {
                QuarkusTransaction.rollback();
            }
        } finally {
            Arc.container().requestContext().terminate();
        }
    }

    private void file() {
        em.createNativeQuery("INSERT INTO server (id, firm_id, asset_tag, site_code, acquisition, acquired_on, status,"
                        + " created_at, version)"
                        + " SELECT gen_random_uuid(), 'PLANFIRM' || lpad((g % 1000)::text, 10, '0'), 'P-' || g,"
                        + " CASE WHEN g % 4 = 0 THEN 'SITE-' || (g % 97) END,"
                        + " CASE WHEN g % 3 = 0 THEN 'PURCHASE' ELSE 'LEASE' END, date '2019-01-01' + (g % 1800),"
                        + " CASE WHEN g % 50 = 0 THEN 'MIGRATED' ELSE 'ACTIVE' END,"
                        + " now() - g * interval '1 second', 0 FROM generate_series(1, 200000) g")
                .executeUpdate();
        em.createNativeQuery("INSERT INTO inventory_finding (id, firm_id, rule, severity, subject_type, subject_id,"
                        + " detected_on, resolved_on, resolution, inputs, evaluated_at)"
                        + " SELECT gen_random_uuid(), firm_id, 'AI-2', 'CRITICAL', 'server', id, acquired_on,"
                        + " CASE WHEN status = 'MIGRATED' THEN acquired_on + 200 END,"
                        + " CASE WHEN status = 'MIGRATED' THEN 'MIGRATION' END, '{}', now()"
                        + " FROM server WHERE acquisition = 'PURCHASE' AND firm_id LIKE 'PLANFIRM%'")
                .executeUpdate();
        em.createNativeQuery("ANALYZE server").executeUpdate();
        em.createNativeQuery("ANALYZE inventory_finding").executeUpdate();
    }

    private Map<String, Function<PageParams, Page<?>>> serverQueries() {
        Map<String, Function<PageParams, Page<?>>> queries = new LinkedHashMap<>();
        queries.put("all", p -> servers.list(p, new Servers.Filter(null, null, null, null, null)));
        queries.put("status", p -> servers.list(p, new Servers.Filter(ServerStatus.MIGRATED, null, null, null, null)));
        queries.put(
                "acquisition", p -> servers.list(p, new Servers.Filter(null, Acquisition.PURCHASE, null, null, null)));
        queries.put("siteCode", p -> servers.list(p, new Servers.Filter(null, null, "SITE-8", null, null)));
        queries.put("assetTag", p -> servers.list(p, new Servers.Filter(null, null, null, "P-777", null)));
        queries.put("firmId", p -> servers.list(p, new Servers.Filter(null, null, null, null, FIRM)));
        Map<String, Function<PageParams, Page<?>>> all = new LinkedHashMap<>();
        queries.forEach((name, query) -> {
            for (String sort : List.of(
                    "",
                    "assetTag",
                    "-assetTag",
                    "acquiredOn",
                    "-acquiredOn",
                    "status",
                    "siteCode",
                    "createdAt",
                    "-createdAt",
                    "firmId")) {
                all.put(name + " sort=" + sort, p -> {
                    p.sort = sort.isEmpty() ? null : sort;
                    return query.apply(p);
                });
            }
        });
        return all;
    }

    private Map<String, Function<PageParams, Page<?>>> findingQueries() {
        Map<String, Supplier<FindingFilter>> filters = new LinkedHashMap<>();
        filters.put("all", FindingFilter::new);
        filters.put("asOf", () -> filter(f -> f.asOf = LocalDate.of(2022, 10, 1)));
        filters.put("rule", () -> filter(f -> f.rule = "AI-1"));
        filters.put("severity", () -> filter(f -> f.severity = Severity.WARNING));
        filters.put("firmId", () -> filter(f -> f.firmId = FIRM));
        filters.put("subjectId", () -> filter(f -> f.subjectId = java.util.UUID.randomUUID()));
        filters.put("open", () -> filter(f -> f.status = FindingStatus.OPEN));
        filters.put("resolved", () -> filter(f -> f.status = FindingStatus.RESOLVED));
        Map<String, Function<PageParams, Page<?>>> all = new LinkedHashMap<>();
        filters.forEach((name, filter) -> {
            for (String sort : List.of("", "detectedOn", "rule", "firmId", "severity", "subjectType")) {
                all.put(name + " sort=" + sort, p -> {
                    p.sort = sort.isEmpty() ? null : sort;
                    return findings.reader().list(filter.get(), p);
                });
            }
        });
        return all;
    }

    private static FindingFilter filter(java.util.function.Consumer<FindingFilter> set) {
        FindingFilter filter = new FindingFilter();
        set.accept(filter);
        return filter;
    }

    /** The first page, then the page after its cursor: neither may add a sequential scan of a large table. */
    private void check(String name, Function<PageParams, Page<?>> query, List<String> scans) {
        long before = sequentialScans();
        Page<?> first = query.apply(params(null));
        if (first.nextCursor() != null) {
            query.apply(params(first.nextCursor()));
        }
        if (sequentialScans() != before) {
            scans.add(name);
        }
    }

    private static PageParams params(String cursor) {
        PageParams p = new PageParams();
        p.size = 50;
        p.cursor = cursor;
        return p;
    }

    private long sequentialScans() {
        Object n = em.createNativeQuery("SELECT coalesce(sum(seq_scan), 0) FROM pg_stat_xact_user_tables"
                        + " WHERE relname IN ('server', 'inventory_finding')")
                .getSingleResult();
        assertTrue(n instanceof Number);
        return ((Number) n).longValue();
    }
}
