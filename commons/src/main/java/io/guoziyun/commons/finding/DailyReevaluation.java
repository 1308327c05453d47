package io.guoziyun.commons.finding;

import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.job.ClusterJobs;
import io.guoziyun.commons.policy.ChinaTime;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import java.time.LocalDate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Re-evaluates every finding once a day, so that findings follow a policy or provider change everywhere: once per
 * cluster, in batches, resumed by any replica when the one doing it dies ({@link ClusterJobs}, ADR 0009).
 */
@ApplicationScoped
public class DailyReevaluation {

    public static final String JOB = "findings-reevaluation";

    private final Caller caller;
    private final Instance<FindingEvaluation> evaluations;
    private final ClusterJobs jobs;
    private final int batchSize;

    public DailyReevaluation(
            Caller caller,
            Instance<FindingEvaluation> evaluations,
            ClusterJobs jobs,
            @ConfigProperty(name = "guoziyun.findings.batch-size", defaultValue = "1000") int batchSize) {
        this.caller = caller;
        this.evaluations = evaluations;
        this.jobs = jobs;
        this.batchSize = batchSize;
    }

    @Scheduled(
            cron = "{guoziyun.findings.daily-cron:off}",
            timeZone = "Asia/Shanghai",
            identity = "findings-daily-reevaluation")
    void daily() {
        reevaluate(ChinaTime.today());
    }

    /** Every few minutes: takes up a day's run that a replica left unfinished (it died, or the database went). */
    @Scheduled(
            every = "{guoziyun.jobs.resume-every:PT10M}",
            delayed = "{guoziyun.jobs.resume-delay:PT1M}",
            identity = "findings-reevaluation-resume")
    @ActivateRequestContext
    void resume() {
        caller.actAsSystem();
        evaluations.forEach(e -> jobs.resume(JOB, true, cursor -> e.reevaluateBatch(cursor, batchSize)));
    }

    /** The pass of {@code day}, unless another replica is doing it or it is done; answers whether this call did it. */
    @ActivateRequestContext
    public boolean reevaluate(LocalDate day) {
        caller.actAsSystem();
        boolean did = false;
        for (FindingEvaluation e : evaluations) {
            did |= jobs.run(JOB, day.toString(), true, cursor -> e.reevaluateBatch(cursor, batchSize));
        }
        return did;
    }
}
