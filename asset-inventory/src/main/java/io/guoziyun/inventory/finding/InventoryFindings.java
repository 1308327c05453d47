package io.guoziyun.inventory.finding;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.guoziyun.commons.finding.FindingQueries;
import io.guoziyun.commons.finding.FindingsReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** Reading the inventory findings as of a date. */
@ApplicationScoped
public class InventoryFindings {

    private final FindingQueries<InventoryFinding, InventoryRule> queries;

    public InventoryFindings(ObjectMapper json) {
        this.queries = new FindingQueries<>(
                "InventoryFinding",
                (query, sort, parameters) -> InventoryFinding.find(query, sort, parameters),
                () -> InventoryFinding.getEntityManager(),
                InventoryRule.class,
                Map.of("subjectType", "subjectType"),
                List.of("Site", "Server"),
                json);
    }

    /** The list, export and counts of the findings, for {@link InventoryFindingResource}. */
    public FindingsReader reader() {
        return queries;
    }
}
