package io.guoziyun.contracts.provider;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One classification a provider was given, by whom and why; the history is never rewritten. */
@Entity
public class ProviderClassification extends PanacheEntityBase {

    @Id
    public UUID id;

    public String providerSlug;

    @Enumerated(EnumType.STRING)
    public Classification classification;

    /** The day from which this classification holds (in Beijing); the rules read it day by day. */
    public LocalDate effectiveFrom;

    public Instant changedAt;
    public String changedBy;
    public String reason;
    /** The second regulator who confirmed a reclassification; null for a provider's first classification. */
    public String confirmedBy;

    /** The history entry of the classification {@code provider} has now. */
    static ProviderClassification of(Provider provider, LocalDate effectiveFrom, Instant at, String by, String reason) {
        ProviderClassification entry = new ProviderClassification();
        entry.id = UUID.randomUUID();
        entry.providerSlug = provider.slug;
        entry.classification = provider.classification;
        entry.effectiveFrom = effectiveFrom;
        entry.changedAt = at;
        entry.changedBy = by;
        entry.reason = reason;
        return entry;
    }

    /** A reclassification proposed by {@code by} and confirmed by {@code confirmer}, holding from {@code from}. */
    static ProviderClassification confirmed(
            Provider provider, LocalDate from, Instant at, String by, String reason, String confirmer) {
        ProviderClassification entry = of(provider, from, at, by, reason);
        entry.confirmedBy = confirmer;
        return entry;
    }

    /** The provider's classifications in the order they hold: by the day each holds from, then as made. */
    public static List<ProviderClassification> of(String slug) {
        return list("providerSlug = ?1 order by effectiveFrom, changedAt, id", slug);
    }
}
