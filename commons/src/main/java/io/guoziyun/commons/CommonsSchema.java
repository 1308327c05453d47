package io.guoziyun.commons;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * The tables of the shared behaviour (idempotency records, audit chain) are migrated with their own Flyway
 * history table, so commons can add a migration at any time without falling out of order with the migrations
 * of the service that uses it. Neither set depends on the other's tables.
 */
@ApplicationScoped
public class CommonsSchema {

    public static final String HISTORY_TABLE = "commons_schema_history";

    void migrate(
            @Observes @Priority(1) StartupEvent start,
            AgroalDataSource dataSource,
            @ConfigProperty(name = "quarkus.flyway.schemas") Optional<String> schemas) {
        var config = Flyway.configure()
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .locations("classpath:db/commons")
                .baselineOnMigrate(true)
                .baselineVersion("0");
        schemas.ifPresent(s -> config.schemas(s.split(",")));
        config.load().migrate();
    }
}
