package io.guoziyun.commons.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Texts of the API documents that state policy (stage limits, thresholds, rule lists) read it from the policy in
 * force: an operation's or a field's description says {@code {policy:guoziyun.review.stages.initial-review}} and the published
 * document says 30, or whatever {@code seeds/policy} sets. A rule change stays a data change.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BOTH)
public class PolicyText implements OASFilter {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{policy:([a-z0-9.-]+)}");

    private final Config config;

    public PolicyText() {
        this(ConfigProvider.getConfig());
    }

    PolicyText(Config config) {
        this.config = config;
    }

    @Override
    public Operation filterOperation(Operation operation) {
        operation.setSummary(fill(operation.getSummary()));
        operation.setDescription(fill(operation.getDescription()));
        return operation;
    }

    @Override
    public Schema filterSchema(Schema schema) {
        schema.setDescription(fill(schema.getDescription()));
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> p.setDescription(fill(p.getDescription())));
        }
        return schema;
    }

    /** {@code text} with each placeholder replaced by its policy value (lists with ", "). */
    String fill(String text) {
        if (text == null || !text.contains("{policy:")) {
            return text;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = config.getOptionalValue(m.group(1), String.class)
                    .map(v -> v.replace(",", ", "))
                    .orElseThrow(() -> new IllegalStateException(
                            "the API text names the policy parameter " + m.group(1) + ", which is not configured"));
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
