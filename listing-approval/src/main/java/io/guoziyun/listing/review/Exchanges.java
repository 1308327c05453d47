package io.guoziyun.listing.review;

import io.guoziyun.commons.csv.CsvRecords;
import io.guoziyun.commons.policy.PolicyFiles;
import io.guoziyun.problem.Problem;
import io.guoziyun.problem.Unprocessable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The stock exchanges of {@code seeds/policy/exchanges.csv} (ISO 10383 MICs) with their countries: LA-1 reads the
 * country from here, so a firm cannot make NASDAQ a Hong Kong listing by typing HK.
 */
@ApplicationScoped
public class Exchanges {

    /** One exchange: the code firms file, its MIC, its ISO 3166-1 country. */
    public record Exchange(String code, String mic, String country) {}

    private final Map<String, Exchange> byName = new LinkedHashMap<>();

    public Exchanges(
            @ConfigProperty(name = "guoziyun.exchanges.file", defaultValue = "classpath:policy/exchanges.csv")
                    String file) {
        for (CsvRecords.Record row : PolicyFiles.csv(file, List.of("code", "mic", "country"))) {
            Exchange e = new Exchange(
                    row.fields().get(0).strip(),
                    row.fields().get(1).strip(),
                    row.fields().get(2).strip());
            byName.put(e.code(), e);
            byName.put(e.mic(), e);
        }
    }

    /** The exchange named by code or MIC, whose country must be {@code country}; 422 naming the field otherwise. */
    public Exchange require(String name, String country) {
        Exchange exchange = byName.get(name);
        if (exchange == null) {
            throw new Unprocessable(
                    "Unknown exchange " + name, List.of(new Problem.FieldError("exchange", "one of " + describe())));
        }
        if (!exchange.country().equals(country)) {
            throw new Unprocessable(
                    exchange.code() + " is in " + exchange.country() + ", not " + country,
                    List.of(new Problem.FieldError(
                            "exchangeCountry", "must be " + exchange.country() + " for " + name)));
        }
        return exchange;
    }

    /** {@code NASDAQ (XNAS, US), …}: what the OpenAPI description lists. */
    public String describe() {
        return byName.values().stream()
                .distinct()
                .map(e -> e.code() + " (" + e.mic() + ", " + e.country() + ")")
                .collect(Collectors.joining(", "));
    }
}
