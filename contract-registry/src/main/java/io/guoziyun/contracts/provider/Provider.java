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

    public static Optional<Provider> bySlug(String slug) {
        return findByIdOptional(slug);
    }
}
