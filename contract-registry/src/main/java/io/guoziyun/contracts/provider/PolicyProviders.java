package io.guoziyun.contracts.provider;

import io.guoziyun.commons.csv.CsvRecords;
import io.guoziyun.commons.policy.PolicyFiles;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The provider classification of {@code seeds/policy/providers.csv}: the providers to seed, and the state clouds it
 * names, which no regulator can reclassify through the API (a policy change is a change to that file).
 */
@ApplicationScoped
public class PolicyProviders {

    /** One row of the policy file. */
    public record Row(String slug, String name, Classification classification) {}

    private final String source;
    private final List<Row> rows;
    private final Set<String> stateClouds;

    public PolicyProviders(
            @ConfigProperty(name = "guoziyun.providers.seed-file", defaultValue = "classpath:policy/providers.csv")
                    String source) {
        this.source = source;
        this.rows = PolicyFiles.csv(source, List.of("slug", "name", "classification")).stream()
                .map(PolicyProviders::row)
                .toList();
        this.stateClouds = rows.stream()
                .filter(r -> r.classification() == Classification.STATE_CLOUD)
                .map(Row::slug)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static Row row(CsvRecords.Record record) {
        List<String> cells = record.fields().stream().map(String::trim).toList();
        return new Row(cells.get(0), cells.get(1), Classification.valueOf(cells.get(2)));
    }

    public String source() {
        return source;
    }

    public List<Row> rows() {
        return rows;
    }

    public boolean isStateCloud(String slug) {
        return stateClouds.contains(slug);
    }
}
