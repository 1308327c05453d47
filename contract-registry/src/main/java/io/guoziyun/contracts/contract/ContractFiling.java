package io.guoziyun.contracts.contract;

import io.guoziyun.commons.validation.DateOrder;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a firm files to register a contract. The firm itself comes from the token, never from here. */
@DateOrder(earlier = "startsOn", later = "endsOn")
@Schema(name = "ContractFiling", description = "A contract as a firm files it")
public record ContractFiling(
        @NotBlank
        @Pattern(
                regexp = "[\\p{L}\\p{N}][\\p{L}\\p{N} ._/#:-]{0,63}",
                message = "1–64 letters, digits or . _ / # : - and spaces")
        @Schema(example = "TJ-CLOUD-2021-007")
        String reference,

        @NotBlank
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,63}", message = "a provider slug such as alibaba-cloud")
        @Schema(example = "alibaba-cloud")
        String provider,

        @NotNull ServiceType serviceType,
        @NotNull @Schema(example = "2021-09-01") LocalDate signedOn,
        @NotNull @Schema(example = "2021-10-01") LocalDate startsOn,
        @Schema(example = "2022-09-30") LocalDate endsOn,
        @NotNull Boolean dataStored,

        @NotNull
        @Pattern(
                regexp = "[A-Z]{2}(-[A-Z0-9]{1,3})?",
                message = "an ISO 3166-1 alpha-2 or ISO 3166-2 code such as CN-TJ")
        @Schema(example = "CN-TJ")
        String dataLocation,

        @NotNull DataSensitivity dataSensitivity,

        @DecimalMin("0") @Digits(integer = 9, fraction = 3) @Schema(example = "12.5")
        BigDecimal dataVolumeTb,

        @DecimalMin("0") @Digits(integer = 14, fraction = 2) @Schema(example = "480000.00")
        BigDecimal annualValueCny) {}
