package io.guoziyun.contracts.provider;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** One classification a provider was given, by whom and why; the history is never rewritten. */
@Entity
public class ProviderClassification extends PanacheEntityBase {

    @Id
    public UUID id;

    public String providerSlug;

    @Enumerated(EnumType.STRING)
    public Classification classification;

    public Instant changedAt;
    public String changedBy;
    public String reason;
}
