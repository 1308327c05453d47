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
        ContractStatus status,
        Instant createdAt) {

    static ContractView of(Contract c) {
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
                c.status,
                c.createdAt);
    }
}
