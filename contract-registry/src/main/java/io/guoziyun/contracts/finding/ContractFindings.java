package io.guoziyun.contracts.finding;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.guoziyun.commons.finding.FindingQueries;
import io.guoziyun.commons.finding.FindingTally;
import io.guoziyun.commons.finding.FindingView;
import io.guoziyun.commons.finding.FindingsReader;
import io.guoziyun.commons.finding.OpenAsOf;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Reading the contract findings as of a date, and the firms overdue for migration. */
@ApplicationScoped
@Transactional
public class ContractFindings {

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

    /** One row per firm with open CR-3 findings on {@code asOf}: most overdue first. */
    public List<OverdueFirm> overdueFirms(LocalDate asOf) {
        List<Object[]> rows = ContractFinding.getEntityManager()
                .createQuery(
                        "select f.firmId, count(f), min(f.detectedOn) from ContractFinding f where f.rule = 'CR-3'"
                                + " and " + OpenAsOf.hql("f")
                                + " group by f.firmId order by min(f.detectedOn), f.firmId",
                        Object[].class)
                .setParameter("asOf", asOf)
                .getResultList();
        return rows.stream()
                .map(r -> new OverdueFirm(
                        (String) r[0], ((Number) r[1]).longValue(), FindingView.daysOverdue((LocalDate) r[2], asOf)))
                .toList();
    }
}
