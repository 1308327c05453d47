package io.guoziyun.listing.application;

import io.guoziyun.listing.application.ListingApplication.ListingType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a firm files about its planned overseas listing. The firm itself comes from the token, never from here. */
@Schema(name = "ListingApplicationFiling", description = "An overseas listing application as a firm files it")
public record ApplicationFiling(
        @NotNull
        @Pattern(regexp = "[A-Z][A-Z0-9]{1,15}", message = "an exchange code such as NASDAQ, NYSE, LSE or HKEX")
        @Schema(example = "NASDAQ")
        String exchange,

        @NotNull
        @Pattern(regexp = "(?!CN)[A-Z]{2}", message = "an ISO 3166-1 alpha-2 code outside mainland China, such as US")
        @Schema(example = "US")
        String exchangeCountry,

        @NotNull ListingType listingType,

        @NotNull @Min(0) @Max(10_000_000_000L) @Schema(example = "2500000")
        Long usersWithPersonalInfo,

        @NotNull
        @Pattern(regexp = "[A-Z][A-Z_]{1,31}", message = "a sector code such as FINANCE or E_COMMERCE")
        @Schema(example = "E_COMMERCE")
        String sector,

        @NotNull Boolean holdsCoreOrImportantData,
        @Schema(example = "2027-03-31") LocalDate plannedListingOn) {}
