package io.guoziyun.listing.application;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** An overseas listing application and its place in the review; scoped to its firm by {@code @TenantId}. */
@Entity
public class ListingApplication extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "firm_id", nullable = false, updatable = false)
    public String firmId;

    public String exchange;
    public String exchangeCountry;

    @Enumerated(EnumType.STRING)
    public ListingType listingType;

    public long usersWithPersonalInfo;
    public String sector;
    public boolean holdsCoreOrImportantData;
    public LocalDate plannedListingOn;

    @Enumerated(EnumType.STRING)
    public Stage stage;

    @Enumerated(EnumType.STRING)
    public Stage resumeStage;

    public String accessionNumber;
    public LocalDate submittedOn;
    public int amendmentCount;
    /** The suite's LA-1/LA-3 proposal at submission or the last amendment, as JSON. */
    public String assessment;
    /** The regulator's determination; null until made. */
    public Boolean reviewRequired;

    public LocalDate stageStartedOn;
    public Integer stageLimit;
    /** The completed pauses of this stage, {@code from/to;from/to}: working days in each do not count. */
    public String pauses;

    public LocalDate pausedOn;
    public boolean extended;
    public LocalDate stageDeadline;

    @Enumerated(EnumType.STRING)
    public Stage proposedOutcome;

    public String proposedReasons;
    public String proposedBy;
    public Instant proposedAt;

    public LocalDate decidedOn;
    public String decisionReasons;
    public String confirmedBy;
    public LocalDate withdrawnOn;

    public Instant createdAt;
    public Instant updatedAt;

    @Version
    public long version;

    public enum ListingType {
        IPO,
        SECONDARY,
        DUAL_PRIMARY
    }
}
