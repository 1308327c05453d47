package io.guoziyun.inventory.finding;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.guoziyun.commons.finding.FindingQueries;
import io.guoziyun.commons.finding.FindingTally;
import io.guoziyun.commons.finding.FindingsReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Reading the inventory findings as of a date. */
@ApplicationScoped
public class InventoryFindings {

    private final FindingQueries<InventoryFinding, InventoryRule> queries;

    public InventoryFindings(ObjectMapper json, FindingTally tally) {
        this.queries = new FindingQueries<>(
                InventoryFinding.class,
                (query, parameters) -> InventoryFinding.find(query, parameters),
                InventoryRule.class,
                Map.of("subjectType", "subjectType"),
                tally,
                json);
    }

    /** The list, export and counts of the findings, for {@link InventoryFindingResource}. */
    public FindingsReader reader() {
        return queries;
    }
}
