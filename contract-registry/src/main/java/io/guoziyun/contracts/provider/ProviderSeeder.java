package io.guoziyun.contracts.provider;

import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.policy.PolicyFiles;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;
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
    private final String source;

    public ProviderSeeder(
            Caller caller,
            @ConfigProperty(name = "guoziyun.providers.seed-file", defaultValue = "classpath:policy/providers.csv")
                    String source) {
        this.caller = caller;
        this.source = source;
    }

    @ActivateRequestContext
    @Transactional
    void seed(@Observes StartupEvent start) {
        caller.actAsSystem();
        int added = 0;
        try (BufferedReader lines = open()) {
            String line;
            boolean header = true;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != 3) {
                    throw new IllegalStateException(
                            "providers file " + source + ": expected slug,name,classification: " + line);
                }
                if (Provider.bySlug(cells[0].trim()).isEmpty()) {
                    add(cells[0].trim(), cells[1].trim(), Classification.valueOf(cells[2].trim()));
                    added++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read providers file " + source, e);
        }
        LOG.infof("Provider registry: %d added from %s", added, source);
    }

    private void add(String slug, String name, Classification classification) {
        Provider provider = new Provider();
        provider.slug = slug;
        provider.name = name;
        provider.classification = classification;
        provider.createdAt = Instant.now();
        provider.persist();
        ProviderClassification first = new ProviderClassification();
        first.id = UUID.randomUUID();
        first.providerSlug = slug;
        first.classification = classification;
        first.changedAt = provider.createdAt;
        first.changedBy = "system";
        first.reason = "seeded from " + source;
        first.persist();
    }

    private BufferedReader open() throws IOException {
        return PolicyFiles.open(source);
    }
}
