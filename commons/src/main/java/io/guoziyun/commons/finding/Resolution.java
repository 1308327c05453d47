package io.guoziyun.commons.finding;

/**
 * Why a finding stopped applying. A finding is never deleted: it is resolved on a date, for one of these causes.
 * The first group comes from the subject's own dated facts; the last three close a finding the rules no longer
 * produce at all, on the day that happened, so that every answer for an earlier date stays as it was.
 */
public enum Resolution {
    /** The contract was terminated. */
    TERMINATION,
    /** The data moved to the state cloud: a contract's migration completed, a server migrated. */
    MIGRATION,
    /** CR-4: the migration plan was filed. */
    PLAN_FILED,
    /** The server was decommissioned. */
    DECOMMISSIONING,
    /** The data centre was retired. */
    RETIREMENT,
    /** The provider's classification changed (confirmed by two regulators). */
    RECLASSIFICATION,
    /** A correction of the subject's facts, accepted because it took nothing away from the past. */
    CORRECTION,
    /** A policy parameter changed (seeds/policy) and the daily re-evaluation no longer finds the rule broken. */
    POLICY
}
