package io.guoziyun.commons.finding;

/** A service's rules applied again to every subject it holds: the daily pass that follows a policy change. */
public interface FindingEvaluation {

    /** Re-evaluates every subject's findings; manages its own transactions. */
    void reevaluateAll();
}
