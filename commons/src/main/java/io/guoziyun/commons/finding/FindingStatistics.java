package io.guoziyun.commons.finding;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A service's counts for the regulator overview: the firms that filed, and open findings by rule, as of a date. */
@Schema(name = "FindingStatistics")
public record FindingStatistics(
        LocalDate asOf,

        @Schema(description = "Every firm with a record in this service")
        List<String> firms,

        @Schema(description = "Open findings on asOf, by rule")
        Map<String, Long> openByRule) {}
