package io.guoziyun.inventory.finding;

import io.guoziyun.commons.firm.Caller;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;

/** Re-evaluates every site and server once a day, so that findings follow a change of policy everywhere. */
@ApplicationScoped
public class DailyReevaluation {

    private final Caller caller;
    private final InventoryFindings findings;

    public DailyReevaluation(Caller caller, InventoryFindings findings) {
        this.caller = caller;
        this.findings = findings;
    }

    @Scheduled(cron = "{guoziyun.findings.daily-cron}", timeZone = "Asia/Shanghai", identity = "inventory-findings")
    @ActivateRequestContext
    @Transactional
    void run() {
        caller.actAsSystem();
        findings.all();
    }
}
