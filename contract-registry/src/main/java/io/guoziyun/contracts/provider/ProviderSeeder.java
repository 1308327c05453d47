package io.guoziyun.contracts.provider;

import io.guoziyun.commons.firm.Caller;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
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
    private final PolicyProviders policy;

    public ProviderSeeder(Caller caller, Providers providers, PolicyProviders policy) {
        this.caller = caller;
        this.providers = providers;
        this.policy = policy;
    }

    @ActivateRequestContext
    void seed(@Observes StartupEvent start) {
        caller.actAsSystem();
        int added = 0;
        for (PolicyProviders.Row row : policy.rows()) {
            if (providers.seed(row.slug(), row.name(), row.classification(), policy.source())) {
                added++;
            }
        }
        LOG.infof("Provider registry: %d added from %s", added, policy.source());
    }
}
