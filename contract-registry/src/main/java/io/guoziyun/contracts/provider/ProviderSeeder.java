package io.guoziyun.contracts.provider;

import io.guoziyun.commons.csv.CsvRecords;
import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.policy.PolicyFiles;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the provider classification of {@code seeds/policy/providers.csv} at start: adds the providers that are
 * missing and leaves the others alone, so a regulator's later reclassification is never undone by a restart.
 */
@ApplicationScoped
public class ProviderSeeder {

    private static final Logger LOG = Logger.getLogger(ProviderSeeder.class);

    private final Caller caller;
    private final Providers providers;
    private final String source;

    public ProviderSeeder(
            Caller caller,
            Providers providers,
            @ConfigProperty(name = "guoziyun.providers.seed-file", defaultValue = "classpath:policy/providers.csv")
                    String source) {
        this.caller = caller;
        this.providers = providers;
        this.source = source;
    }

    @ActivateRequestContext
    void seed(@Observes StartupEvent start) {
        caller.actAsSystem();
        int added = 0;
        List<CsvRecords.Record> rows = PolicyFiles.csv(source, List.of("slug", "name", "classification"));
        for (CsvRecords.Record row : rows) {
            List<String> cells = row.fields().stream().map(String::trim).toList();
            if (providers.seed(cells.get(0), cells.get(1), Classification.valueOf(cells.get(2)), source)) {
                added++;
            }
        }
        LOG.infof("Provider registry: %d added from %s", added, source);
    }
}
