package io.guoziyun.contracts.provider;

import io.guoziyun.problem.NotPermitted;
import io.guoziyun.problem.StateConflict;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
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

    /** A reclassification proposed by one regulator, awaiting another's confirmation; null when none. */
    @Enumerated(EnumType.STRING)
    public Classification proposedClassification;

    public LocalDate proposedEffectiveFrom;
    public String proposedReason;
    public String proposedBy;
    /** The proposer's token {@code sub}: four eyes compares this, not the name. */
    public String proposedBySub;

    public Instant proposedAt;

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

    /** A reclassification proposed by {@code by} (token {@code sub}); 409 while another is pending. */
    void propose(Classification next, LocalDate from, String reason, String by, String sub) {
        if (proposedClassification != null) {
            throw new StateConflict("A reclassification of " + slug + " to " + proposedClassification + " proposed by "
                    + proposedBy + " awaits a second regulator: confirm or reject it first");
        }
        proposedClassification = next;
        proposedEffectiveFrom = from;
        proposedReason = reason;
        proposedBy = by;
        proposedBySub = sub;
        proposedAt = Instant.now();
    }

    /** The pending proposal, or 409 when there is none. */
    void requireProposal() {
        if (proposedClassification == null) {
            throw new StateConflict("No reclassification of " + slug + " is pending");
        }
    }

    /** Four eyes by {@code sub}: the proposer cannot confirm or reject its own proposal (403). */
    void requireSecondRegulator(String sub, String verb) {
        if (sub.equals(proposedBySub)) {
            throw new NotPermitted("Four eyes: " + proposedBy + " proposed this reclassification and cannot " + verb
                    + " it; another regulator must");
        }
    }

    /** The proposal takes effect: the classification in force is the proposed one. */
    void confirmProposal() {
        classification = proposedClassification;
        clearProposal();
    }

    void clearProposal() {
        proposedClassification = null;
        proposedEffectiveFrom = null;
        proposedReason = null;
        proposedBy = null;
        proposedBySub = null;
        proposedAt = null;
    }

    public static Optional<Provider> bySlug(String slug) {
        return findByIdOptional(slug);
    }
}
