package io.guoziyun.contracts.finding;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A firm that, on the asOf date, still had third-party contracts past their migration deadline (CR-3 open). */
@Schema(name = "OverdueFirm")
public record OverdueFirm(
        String firmId,
        long overdueContracts,

        @Schema(description = "The most days overdue of its contracts, counted as daysOverdue is (ADR 0004)")
        long maxDaysOverdue,

        @Schema(description = "The providers of its overdue contracts, in order")
        List<String> providers) {}
