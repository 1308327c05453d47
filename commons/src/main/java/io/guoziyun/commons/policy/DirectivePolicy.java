package io.guoziyun.commons.policy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalDate;
import java.time.Period;

/**
 * The directive's parameters, from {@code seeds/policy/directive.properties} (copied onto each service's class
 * path at build time; in Kubernetes from a ConfigMap). A rule change is a data change, not a code change.
 */
@ConfigMapping(prefix = "guoziyun.policy")
public interface DirectivePolicy {

    /** From this date no new or renewed third-party cloud contracts, data centres or server purchases. */
    LocalDate effectiveDate();

    /** Time after a third-party contract expires within which the firm must have moved to the state cloud. */
    Period migrationGrace();

    /** By this date all data is on the state cloud, whatever the contract's end. */
    LocalDate finalDeadline();

    /** A grace period whose last day is a rest day ends on the next working day, or as it is (ADR 0003). */
    @WithDefault("NEXT_WORKING_DAY")
    RestDayRule deadlineOnRestDay();

    /**
     * The end of a finding dated more than this many days before the day it is filed needs evidence and is flagged
     * to regulators (ADR 0007).
     */
    @WithDefault("5")
    int backdatingDays();

    /**
     * Whether an end dated {@code on}, filed {@code today}, is backdated: then {@code evidence} must name the
     * document that proves the date (400 on {@code field} otherwise).
     */
    default boolean backdated(LocalDate on, LocalDate today, String evidence, String field) {
        if (!on.isBefore(today.minusDays(backdatingDays()))) {
            return false;
        }
        if (evidence == null || evidence.isBlank()) {
            throw io.guoziyun.problem.InvalidInput.field(
                    "evidence",
                    "required: " + field + " " + on + " is more than " + backdatingDays() + " days back; name the"
                            + " document that proves the date (ADR 0007)");
        }
        return true;
    }
}
