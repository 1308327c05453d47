package io.guoziyun.listing.review;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;

/** The filing's {@code exchange} field lists the exchanges of the policy in force, with their MICs and countries. */
@OpenApiFilter(OpenApiFilter.RunStage.BOTH)
public class ExchangeListText implements OASFilter {

    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getProperties() == null || !schema.getProperties().containsKey("exchangeCountry")) {
            return schema;
        }
        Schema exchange = schema.getProperties().get("exchange");
        if (exchange != null) {
            String file = ConfigProvider.getConfig()
                    .getOptionalValue("guoziyun.exchanges.file", String.class)
                    .orElse("classpath:policy/exchanges.csv");
            exchange.setDescription("The exchange, by code or ISO 10383 MIC; exchangeCountry must be its country"
                    + " (LA-1 reads it from this list, seeds/policy/exchanges.csv): " + new Exchanges(file).describe());
        }
        return schema;
    }
}
