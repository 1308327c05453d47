package io.guoziyun.contracts.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A registered contract as the API shows it. */
@Schema(name = "Contract")
public record ContractView(
        UUID id,

        @Schema(description = "USCC of the firm that filed it", example = "91110108MA01B2C344")
        String firmId,

        String reference,
        String provider,
        ServiceType serviceType,
        LocalDate signedOn,
        LocalDate startsOn,
        LocalDate endsOn,
        boolean dataStored,
        String dataLocation,
        DataSensitivity dataSensitivity,
        BigDecimal dataVolumeTb,
        BigDecimal annualValueCny,

        @Schema(description = "The end after every renewal or extension")
        LocalDate currentEndsOn,

        @Schema(
                description = "Third-party contracts: migrated or terminated by this date (rule CR-3): two months"
                        + " after the lawful end, moved to the next working day when that is a rest day"
                        + " ({policy:guoziyun.policy.deadline-on-rest-day}; Civil Code Art. 203, ADR 0003), and never"
                        + " after {policy:guoziyun.policy.final-deadline}")
        LocalDate migrationDeadline,

        ContractStatus status,
        LocalDate terminatedOn,
        String terminationReason,

        @Schema(description = "The day the termination or migration completion was filed")
        LocalDate endRecordedOn,

        @Schema(description = "The document that proves the date of an end filed late")
        String endEvidence,

        @Schema(
                description = "True when the end was filed more than {policy:guoziyun.policy.backdating-days} days"
                        + " after its date: it changed what the record says of days already past (ADR 0007)")
        boolean backdated,

        Instant createdAt) {

    public static ContractView of(Contract c) {
        return new ContractView(
                c.id,
                c.firmId,
                c.reference,
                c.provider,
                c.serviceType,
                c.signedOn,
                c.startsOn,
                c.endsOn,
                c.dataStored,
                c.dataLocation,
                c.dataSensitivity,
                c.dataVolumeTb,
                c.annualValueCny,
                c.currentEndsOn,
                c.migrationDeadline,
                c.status,
                c.terminatedOn,
                c.terminationReason,
                c.endRecordedOn,
                c.endEvidence,
                c.backdated,
                c.createdAt);
    }
}
