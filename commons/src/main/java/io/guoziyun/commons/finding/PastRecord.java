package io.guoziyun.commons.finding;

import io.guoziyun.problem.Problem;
import io.guoziyun.problem.StateConflict;
import java.time.LocalDate;
import java.util.List;

/**
 * The record of the past is kept (ADR 0007): a finding open on a day before today stays open on that day, whatever
 * a firm corrects later. Only what ended a finding, filed with its date (a termination, a migration completion,
 * a decommissioning), ends it; a finding the rules no longer produce is resolved on the day that happened.
 */
public final class PastRecord {

    private PastRecord() {}

    /** Whether the finding was open on some day before {@code today}. */
    public static boolean hadAPast(LocalDate detectedOn, LocalDate resolvedOn, LocalDate today) {
        return detectedOn.isBefore(today) && (resolvedOn == null || resolvedOn.isAfter(detectedOn));
    }

    /** Whether the new dates take away a day before {@code today} on which the stored finding was open. */
    public static boolean shortened(
            LocalDate detectedOn, LocalDate resolvedOn, LocalDate newDetected, LocalDate newResolved, LocalDate today) {
        if (!hadAPast(detectedOn, resolvedOn, today)) {
            return false;
        }
        return newDetected.isAfter(detectedOn) || endBy(newResolved, today).isBefore(endBy(resolvedOn, today));
    }

    /**
     * The resolution day of a finding the rules no longer produce: its own when it had ended by today; else the
     * day its subject ended ({@code endedOn}, a termination or migration filed with its date), but not before it was
     * detected; else today (or its detection day when that is still to come, so it is open on no day at all).
     */
    public static LocalDate endOnSupersede(
            LocalDate detectedOn, LocalDate resolvedOn, LocalDate endedOn, LocalDate today) {
        if (resolvedOn != null && !resolvedOn.isAfter(today)) {
            return resolvedOn;
        }
        LocalDate end = endedOn != null && endedOn.isBefore(today) ? endedOn : today;
        return detectedOn.isAfter(end) ? detectedOn : end;
    }

    /** The finding as a refusal names it. */
    public static String describe(FindingRecord f, LocalDate today) {
        return f.rule + " finding " + f.id + " on " + f.subjectType() + " " + f.subjectId + ", open from "
                + f.detectedOn + (f.resolvedOn != null && !f.resolvedOn.isAfter(today) ? " to " + f.resolvedOn : "");
    }

    /** 409: the change would rewrite days already past; nothing is written. */
    public static StateConflict refusal(List<String> findings) {
        return StateConflict.because(
                "This change would take findings away from days already past, and the record of the past is kept"
                        + " (ADR 0007): " + findings.size() + " finding(s) would lose open days. To end a finding,"
                        + " file what ended it with its date (a termination, a migration completion, a"
                        + " decommissioning). Corrections that rewrite the past are not taken through the API: raise them with"
                        + " the regulator.",
                findings.stream()
                        .map(f -> new Problem.FieldError("findings", f))
                        .toList());
    }

    private static LocalDate endBy(LocalDate resolvedOn, LocalDate today) {
        return resolvedOn == null || resolvedOn.isAfter(today) ? today : resolvedOn;
    }
}
