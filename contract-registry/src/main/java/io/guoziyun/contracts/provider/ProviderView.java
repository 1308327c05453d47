package io.guoziyun.contracts.provider;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Provider")
public record ProviderView(
        String slug,
        String name,
        Classification classification,
        List<ClassificationView> history,

        @Schema(description = "A reclassification proposed by one regulator, awaiting another's confirmation")
        PendingReclassification pendingReclassification) {

    @Schema(name = "PendingReclassification")
    public record PendingReclassification(
            Classification classification,
            java.time.LocalDate effectiveFrom,
            String reason,
            String proposedBy,
            java.time.Instant proposedAt) {}

    @Schema(name = "ProviderClassification")
    public record ClassificationView(
            Classification classification,

            @Schema(description = "The day from which it holds; the rules read the classification day by day")
            java.time.LocalDate effectiveFrom,

            java.time.Instant changedAt,

            @Schema(description = "Who made it (for a reclassification: who proposed it)")
            String changedBy,

            String reason,

            @Schema(description = "The second regulator who confirmed a reclassification")
            String confirmedBy) {}

    static ProviderView of(Provider p, List<ProviderClassification> history) {
        return new ProviderView(
                p.slug,
                p.name,
                p.classification,
                history.stream()
                        .map(h -> new ClassificationView(
                                h.classification, h.effectiveFrom, h.changedAt, h.changedBy, h.reason, h.confirmedBy))
                        .toList(),
                p.proposedClassification == null
                        ? null
                        : new PendingReclassification(
                                p.proposedClassification,
                                p.proposedEffectiveFrom,
                                p.proposedReason,
                                p.proposedBy,
                                p.proposedAt));
    }
}
