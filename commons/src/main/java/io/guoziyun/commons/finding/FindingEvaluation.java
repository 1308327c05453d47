package io.guoziyun.commons.finding;

import io.guoziyun.commons.job.ClusterJobs;

/** A service's rules applied again to every subject it holds: the daily pass that follows a policy change. */
public interface FindingEvaluation {

    /**
     * Re-evaluates the next {@code size} subjects after {@code cursor} (null: from the first), in the caller's
     * transaction; answers the cursor to go on from, null when every subject has been done.
     */
    ClusterJobs.Batch reevaluateBatch(String cursor, int size);
}
