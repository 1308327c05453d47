package io.guoziyun.contracts.finding;

import io.guoziyun.commons.firm.Caller;
import io.guoziyun.contracts.contract.Contract;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/** Re-evaluates every contract once a day, so that findings follow a policy or provider change everywhere. */
@ApplicationScoped
public class DailyReevaluation {

    private static final Logger LOG = Logger.getLogger(DailyReevaluation.class);

    private final Caller caller;
    private final FindingEvaluator evaluator;

    public DailyReevaluation(Caller caller, FindingEvaluator evaluator) {
        this.caller = caller;
        this.evaluator = evaluator;
    }

    @Scheduled(cron = "{guoziyun.findings.daily-cron}", timeZone = "Asia/Shanghai", identity = "contract-findings")
    @ActivateRequestContext
    @Transactional
    void run() {
        caller.actAsSystem();
        var contracts = Contract.<Contract>findAll(Sort.by("id")).page(0, 500);
        long count = 0;
        for (boolean more = true; more; more = contracts.hasNextPage(), contracts.nextPage()) {
            for (Contract contract : contracts.list()) {
                evaluator.reevaluate(contract);
                count++;
            }
        }
        LOG.infof("Re-evaluated the findings of %d contracts", count);
    }
}
