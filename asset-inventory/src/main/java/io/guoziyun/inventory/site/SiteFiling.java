package io.guoziyun.inventory.site;

import io.guoziyun.commons.validation.DateOrder;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A data centre as a firm declares or corrects it. Status changes go through the status action. */
@DateOrder(earlier = "constructionStartedOn", later = "commissionedOn")
@Schema(name = "SiteFiling")
public record SiteFiling(
        @NotBlank
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,31}", message = "1–32 letters, digits, . _ -")
        @Schema(example = "TJ-BINHAI-1")
        String code,

        @NotBlank
        @Size(max = 200)
        @Pattern(regexp = "[^\\x00-\\x1F\\x7F]*", message = "no control characters")
        @Schema(example = "Binhai data centre")
        String name,

        @NotNull
        @Pattern(regexp = "CN-[A-Z]{2}", message = "an ISO 3166-2:CN code such as CN-TJ")
        @Schema(example = "CN-TJ")
        String location,

        @NotNull Ownership ownership,

        @Schema(description = "Status when first declared (default ACTIVE); ignored on correction")
        SiteStatus status,

        @Schema(example = "2019-03-01") LocalDate constructionStartedOn,
        @Schema(example = "2020-06-30") LocalDate commissionedOn,
        @Min(0) @Max(100_000) @Schema(example = "120") Integer racks,

        @DecimalMin("0") @Digits(integer = 9, fraction = 2) @Schema(example = "850.5")
        BigDecimal powerKw) {}
