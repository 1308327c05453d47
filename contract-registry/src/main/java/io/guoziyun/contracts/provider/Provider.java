package io.guoziyun.contracts.provider;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/** A cloud provider, shared by all firms (not firm-scoped). */
@Entity
public class Provider extends PanacheEntityBase {

    @Id
    public String slug;

    public String name;

    @Enumerated(EnumType.STRING)
    public Classification classification;

    public Instant createdAt;

    @Version
    public long version;

    /** A provider added to the registry with its first classification. */
    static Provider add(String slug, String name, Classification classification) {
        Provider provider = new Provider();
        provider.slug = slug;
        provider.name = name;
        provider.classification = classification;
        provider.createdAt = Instant.now();
        return provider;
    }

    /** A new classification; false when it is the one in force already. */
    boolean reclassify(Classification next) {
        if (classification == next) {
            return false;
        }
        classification = next;
        return true;
    }

    public static Optional<Provider> bySlug(String slug) {
        return findByIdOptional(slug);
    }
}
