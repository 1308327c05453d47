package io.guoziyun.contracts.contract;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A cloud or ICT contract registered by a firm; scoped to that firm by {@code @TenantId}. */
@Entity
public class Contract extends PanacheEntityBase {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "firm_id", nullable = false, updatable = false)
    public String firmId;

    public String reference;
    public String provider;

    @Enumerated(EnumType.STRING)
    public ServiceType serviceType;

    public LocalDate signedOn;
    public LocalDate startsOn;
    public LocalDate endsOn;
    public boolean dataStored;
    public String dataLocation;

    @Enumerated(EnumType.STRING)
    public DataSensitivity dataSensitivity;

    public BigDecimal dataVolumeTb;
    public BigDecimal annualValueCny;

    @Enumerated(EnumType.STRING)
    public ContractStatus status;

    /** The end after every renewal or extension. */
    public LocalDate currentEndsOn;
    /** Third-party contracts only: by this date migrated or terminated (rule CR-3). Kept by the findings. */
    public LocalDate migrationDeadline;

    public LocalDate terminatedOn;
    public String terminationReason;

    public Instant createdAt;

    @Version
    public long version;
}
