package io.guoziyun.listing.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Counts for the regulator overview. */
@Schema(name = "ListingStatistics")
public record ListingStatistics(
        LocalDate asOf,

        @Schema(description = "Every firm with an application")
        List<String> firms,

        Map<Stage, Long> byStage,

        @Schema(description = "Applications past their stage deadline on asOf, clock running")
        long overdue) {}
