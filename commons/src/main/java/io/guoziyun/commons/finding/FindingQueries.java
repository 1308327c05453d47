package io.guoziyun.commons.finding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guoziyun.commons.export.CsvExport;
import io.guoziyun.commons.paging.Conditions;
import io.guoziyun.commons.paging.Page;
import io.guoziyun.commons.paging.PageParams;
import io.guoziyun.problem.InvalidInput;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Reading a service's findings as of a date: the list, the CSV export and the overview's counts, the same for
 * every service, each in a read transaction of its own (or the caller's). A service makes one, naming its
 * finding entity and its rules, and mounts it with {@link FindingsResource}.
 */
public final class FindingQueries<E extends FindingRecord, R extends Enum<R> & Rule> implements FindingsReader {

    /** {@code Entity.find(query, sort, parameters)} of the service's finding entity. */
    @FunctionalInterface
    public interface Finder<E> {
        PanacheQuery<E> find(String query, Sort sort, Parameters parameters);
    }

    private static final Map<String, String> COMMON_SORTS =
            Map.of("detectedOn", "detectedOn", "rule", "rule", "firmId", "firmId", "severity", "severity");
    private static final List<String> CSV_COLUMNS = List.of(
            "id",
            "rule",
            "severity",
            "firmId",
            "subjectType",
            "subjectId",
            "status",
            "asOf",
            "detectedOn",
            "resolvedOn",
            "resolution",
            "causeId",
            "deadline",
            "overdueSince",
            "daysOverdue");
    private static final TypeReference<Map<String, String>> INPUTS = new TypeReference<>() {};

    private final String entity;
    private final Finder<E> finder;
    private final Supplier<EntityManager> em;
    private final Class<R> rules;
    private final Map<String, String> sorts;
    private final List<String> filedEntities;
    private final ObjectMapper json;

    /**
     * {@code entity} names the finding entity in HQL; {@code extraSorts} adds sort keys to the common ones;
     * {@code filedEntities} are the entities whose firms count as "filed here" in the statistics.
     */
    public FindingQueries(
            String entity,
            Finder<E> finder,
            Supplier<EntityManager> em,
            Class<R> rules,
            Map<String, String> extraSorts,
            List<String> filedEntities,
            ObjectMapper json) {
        this.entity = entity;
        this.finder = finder;
        this.em = em;
        this.rules = rules;
        Map<String, String> all = new LinkedHashMap<>(COMMON_SORTS);
        all.putAll(extraSorts);
        this.sorts = Map.copyOf(all);
        this.filedEntities = List.copyOf(filedEntities);
        this.json = json;
    }

    @Override
    public Page<FindingView> list(FindingFilter filter, PageParams page) {
        LocalDate asOf = filter.date();
        return QuarkusTransaction.joiningExisting()
                .call(() -> Page.of(
                        query(filter, page.toSort(sorts, "-detectedOn", "id")), page, f -> view(f, asOf, inputs(f))));
    }

    /** The findings as CSV, firm by firm; the filters of the list. */
    @Override
    public String exportCsv(FindingFilter filter) {
        return QuarkusTransaction.joiningExisting().call(() -> csv(filter));
    }

    private String csv(FindingFilter filter) {
        LocalDate asOf = filter.date();
        CsvExport csv = new CsvExport(CSV_COLUMNS);
        for (E f : query(filter, Sort.by("firmId").and("detectedOn").and("id")).list()) {
            FindingView v = view(f, asOf, null);
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
                    v.resolvedOn(),
                    v.resolution(),
                    v.causeId(),
                    v.deadline(),
                    v.overdueSince(),
                    v.daysOverdue()));
        }
        return csv.toString();
    }

    /** The firms with a record here, and open findings by rule on {@code asOf} (firm scoping applies). */
    @Override
    public FindingStatistics statistics(LocalDate asOf) {
        return QuarkusTransaction.joiningExisting().call(() -> count(asOf));
    }

    private FindingStatistics count(LocalDate asOf) {
        TreeSet<String> firms = new TreeSet<>();
        for (String filed : filedEntities) {
            firms.addAll(em.get()
                    .createQuery("select distinct e.firmId from " + filed + " e", String.class)
                    .getResultList());
        }
        Map<String, Long> open = new TreeMap<>();
        for (Object[] row : em.get()
                .createQuery(
                        "select f.rule, count(f) from " + entity + " f where " + OpenAsOf.hql("f") + " group by f.rule",
                        Object[].class)
                .setParameter("asOf", asOf)
                .getResultList()) {
            open.put((String) row[0], ((Number) row[1]).longValue());
        }
        return new FindingStatistics(asOf, List.copyOf(firms), open);
    }

    public R rule(String code) {
        return Rule.ofCode(rules, code);
    }

    private PanacheQuery<E> query(FindingFilter filter, Sort sort) {
        if (filter.rule != null
                && Arrays.stream(rules.getEnumConstants())
                        .noneMatch(r -> r.code().equals(filter.rule))) {
            throw InvalidInput.field(
                    "rule",
                    "one of "
                            + String.join(
                                    ", ",
                                    Arrays.stream(rules.getEnumConstants())
                                            .map(Rule::code)
                                            .toList()));
        }
        Conditions where = new Conditions()
                .clause("detectedOn <= :asOf")
                .parameter("asOf", filter.date())
                .equal("rule", filter.rule)
                .equal("severity", filter.severity)
                .equal("firmId", filter.firmId)
                .equal("subjectId", filter.subjectId);
        if (filter.status == FindingStatus.OPEN) {
            where.clause(OpenAsOf.HQL);
        } else if (filter.status == FindingStatus.RESOLVED) {
            where.clause(OpenAsOf.RESOLVED_HQL);
        }
        return finder.find(where.from(entity), sort, where.parameters());
    }

    private FindingView view(E f, LocalDate asOf, Map<String, String> inputs) {
        return FindingView.of(f, rule(f.rule), asOf, inputs);
    }

    private Map<String, String> inputs(E f) {
        try {
            return json.readValue(f.inputs, INPUTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored inputs of finding " + f.id + " are not a JSON object", e);
        }
    }
}
