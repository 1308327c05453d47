package io.guoziyun.contracts.finding;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.guoziyun.commons.finding.FindingQueries;
import io.guoziyun.commons.finding.FindingTally;
import io.guoziyun.commons.finding.FindingsReader;
import io.guoziyun.commons.finding.MonthlyCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Reading the contract findings as of a date, and month by month. */
@ApplicationScoped
@Transactional
public class ContractFindings {

    /** The series of {@link #thirdPartyByMonth}. */
    public static final String RUNNING = "thirdPartyContracts";

    private final FindingQueries<ContractFinding, ContractRule> queries;

    public ContractFindings(ObjectMapper json, FindingTally tally) {
        this.queries = new FindingQueries<>(
                ContractFinding.class,
                (query, parameters) -> ContractFinding.find(query, parameters),
                ContractRule.class,
                Map.of("deadline", "deadline"),
                tally,
                json);
    }

    /** The list, export and counts of the findings, for {@link ContractFindingResource}. */
    public FindingsReader reader() {
        return queries;
    }

    /**
     * Contracts on a third-party cloud at the end of each month from {@code from}'s to {@code asOf}'s: started, their
     * provider a third party that day (its dated classification, as the rules read it), and neither terminated nor
     * migrated by then (the rules' end of a contract). One pass over the contracts, summed by month.
     */
    @SuppressWarnings("unchecked")
    public List<MonthlyCounts.Month> thirdPartyByMonth(LocalDate from, LocalDate asOf) {
        List<Object[]> changes = ContractFinding.getEntityManager()
                .createNativeQuery("WITH classified AS (SELECT provider_slug, classification, effective_from AS a,"
                        + " lead(effective_from) OVER (PARTITION BY provider_slug ORDER BY effective_from, changed_at)"
                        + " AS b FROM provider_classification),"
                        + " spans AS (SELECT greatest(c.starts_on, k.a) AS a,"
                        + " least(k.b, c.terminated_on, p.completed_on) AS b FROM contract c"
                        + " JOIN classified k ON k.provider_slug = c.provider AND k.classification = 'THIRD_PARTY'"
                        + " LEFT JOIN migration_plan p ON p.contract_id = c.id),"
                        + " changes AS (SELECT a AS day, 1 AS change FROM spans WHERE b IS NULL OR a < b"
                        + " UNION ALL SELECT b, -1 FROM spans WHERE a < b)"
                        + " SELECT " + MonthlyCounts.BUCKET.formatted("day", "?1") + ", '" + RUNNING
                        + "', sum(change) FROM changes WHERE day <= ?2 GROUP BY 1")
                .setParameter(1, from)
                .setParameter(2, asOf)
                .getResultList();
        return MonthlyCounts.running(from, asOf, List.of(RUNNING), changes);
    }
}
