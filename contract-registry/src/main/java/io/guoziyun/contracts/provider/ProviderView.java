package io.guoziyun.contracts.provider;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Provider")
public record ProviderView(String slug, String name, Classification classification, List<ClassificationView> history) {

    @Schema(name = "ProviderClassification")
    public record ClassificationView(
            Classification classification,

            @Schema(description = "The day from which it holds; the rules read the classification day by day")
            java.time.LocalDate effectiveFrom,

            java.time.Instant changedAt,
            String changedBy,
            String reason) {}

    static ProviderView of(Provider p, List<ProviderClassification> history) {
        return new ProviderView(
                p.slug,
                p.name,
                p.classification,
                history.stream()
                        .map(h -> new ClassificationView(
                                h.classification, h.effectiveFrom, h.changedAt, h.changedBy, h.reason))
                        .toList());
    }
}
