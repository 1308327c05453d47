package io.guoziyun.contracts.contract;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A renewal or extension of a contract: the day it was agreed and the new end date. */
@Entity
public class Renewal extends PanacheEntityBase {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "RenewalKind")
    public enum Kind {
        RENEWAL,
        EXTENSION
    }

    @Id
    public UUID id;

    @TenantId
    @Column(name = "firm_id", nullable = false, updatable = false)
    public String firmId;

    public UUID contractId;
    public LocalDate renewedOn;
    public LocalDate newEndsOn;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String note;
    public Instant createdAt;

    /** The renewal a firm filed for {@code contract}. */
    static Renewal of(Contract contract, RenewalFiling filing) {
        Renewal renewal = new Renewal();
        renewal.id = UUID.randomUUID();
        renewal.firmId = contract.firmId;
        renewal.contractId = contract.id;
        renewal.renewedOn = filing.renewedOn();
        renewal.newEndsOn = filing.newEndsOn();
        renewal.kind = filing.kind();
        renewal.note = filing.note();
        renewal.createdAt = Instant.now();
        return renewal;
    }

    public static List<Renewal> ofContract(UUID contractId) {
        return list("contractId = ?1 order by renewedOn, createdAt", contractId);
    }
}
