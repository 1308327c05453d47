package io.guoziyun.commons.finding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guoziyun.commons.export.CsvExport;
import io.guoziyun.commons.paging.Conditions;
import io.guoziyun.commons.paging.Order;
import io.guoziyun.commons.paging.Page;
import io.guoziyun.commons.paging.PageParams;
import io.guoziyun.problem.InvalidInput;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;

/**
 * Reading a service's findings as of a date: the list, the CSV export and the overview's counts, the same for
 * every service, each in a read transaction of its own (or the caller's). A service makes one, naming its
 * finding entity and its rules, and mounts it with {@link FindingsResource}.
 */
public final class FindingQueries<E extends FindingRecord, R extends Enum<R> & Rule> implements FindingsReader {

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
    private static final int FETCH_SIZE = 1000;
    private static final int EXPORT_TIMEOUT_SECONDS = 3600;
    /** The sort keys that may be null: a CR-3 finding has a deadline, the others none. */
    private static final Set<String> NULLABLE = Set.of("deadline");

    private static final TypeReference<Map<String, String>> INPUTS = new TypeReference<>() {};

    private final Class<E> entity;
    private final Page.Finder<E> finder;
    private final Class<R> rules;
    private final Map<String, String> sorts;
    private final FindingTally tally;
    private final ObjectMapper json;

    /**
     * {@code entity} is the finding entity, {@code finder} its {@code find}; {@code extraSorts} adds sort keys to the common ones;
     * {@code tally} keeps the statistics' counts.
     */
    public FindingQueries(
            Class<E> entity,
            Page.Finder<E> finder,
            Class<R> rules,
            Map<String, String> extraSorts,
            FindingTally tally,
            ObjectMapper json) {
        this.entity = entity;
        this.finder = finder;
        this.rules = rules;
        Map<String, String> all = new LinkedHashMap<>(COMMON_SORTS);
        all.putAll(extraSorts);
        this.sorts = Map.copyOf(all);
        this.tally = tally;
        this.json = json;
    }

    @Override
    public Page<FindingView> list(FindingFilter filter, PageParams page) {
        LocalDate asOf = filter.date();
        Order order = page.order(entity, sorts, "-detectedOn", "id", NULLABLE);
        return QuarkusTransaction.joiningExisting()
                .call(() -> Page.of(entity, where(filter), order, page, finder, f -> view(f, asOf, inputs(f))));
    }

    /**
     * The findings as CSV, firm by firm (newest first in each, the order of an index); the filters of the list.
     * Streamed: rows go out as the database gives them, in a read transaction of the export's own, the session
     * cleared as it goes, so memory stays flat at any size. A bad filter is refused before the first byte.
     */
    @Override
    public StreamingOutput exportCsv(FindingFilter filter) {
        LocalDate asOf = filter.date();
        Conditions where = where(filter);
        String query = where.from(entity.getSimpleName()) + " order by firmId, detectedOn desc, id";
        return out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            CsvExport csv = new CsvExport(writer, CSV_COLUMNS);
            writer.flush();
            QuarkusTransaction.requiringNew().timeout(EXPORT_TIMEOUT_SECONDS).run(() -> {
                EntityManager em = Panache.getEntityManager(entity);
                int n = 0;
                try (Stream<E> rows = finder
                        .find(query, where.parameters())
                        .withHint(HibernateHints.HINT_FETCH_SIZE, FETCH_SIZE)
                        .stream()) {
                    for (Iterator<E> it = rows.iterator(); it.hasNext(); ) {
                        csv.row(cells(view(it.next(), asOf, null)));
                        if (++n % FETCH_SIZE == 0) {
                            em.clear();
                        }
                    }
                }
            });
            writer.flush();
        };
    }

    private static List<Object> cells(FindingView v) {
        return Arrays.asList(
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
                v.daysOverdue());
    }

    /** The firms with a record here, and open findings by rule on {@code asOf} (firm scoping applies). */
    @Override
    public FindingStatistics statistics(LocalDate asOf) {
        return QuarkusTransaction.joiningExisting().call(() -> count(asOf));
    }

    @Override
    public List<MonthlyCounts.Month> monthly(LocalDate from, LocalDate asOf) {
        List<String> codes =
                Arrays.stream(rules.getEnumConstants()).map(Rule::code).toList();
        return QuarkusTransaction.joiningExisting().call(() -> tally.openByMonth(from, asOf, codes));
    }

    private FindingStatistics count(LocalDate asOf) {
        return new FindingStatistics(asOf, tally.firms(), tally.openByRule(asOf));
    }

    public R rule(String code) {
        return Rule.ofCode(rules, code);
    }

    private Conditions where(FindingFilter filter) {
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
        return where;
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
