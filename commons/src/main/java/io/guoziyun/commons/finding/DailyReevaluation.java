package io.guoziyun.commons.finding;

import io.guoziyun.commons.firm.Caller;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;

/** Re-evaluates every finding once a day, so that findings follow a policy or provider change everywhere. */
@ApplicationScoped
public class DailyReevaluation {

    private final Caller caller;
    private final Instance<FindingEvaluation> evaluations;

    public DailyReevaluation(Caller caller, Instance<FindingEvaluation> evaluations) {
        this.caller = caller;
        this.evaluations = evaluations;
    }

    @Scheduled(
            cron = "{guoziyun.findings.daily-cron:off}",
            timeZone = "Asia/Shanghai",
            identity = "findings-daily-reevaluation")
    @ActivateRequestContext
    void run() {
        caller.actAsSystem();
        evaluations.forEach(FindingEvaluation::reevaluateAll);
    }
}
