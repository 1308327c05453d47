package io.guoziyun.contracts.migration;

import io.guoziyun.commons.audit.AuditTrail;
import io.guoziyun.commons.concurrency.IfMatch;
import io.guoziyun.commons.finding.Resolution;
import io.guoziyun.commons.policy.ChinaTime;
import io.guoziyun.commons.policy.DirectivePolicy;
import io.guoziyun.commons.rest.Versioned;
import io.guoziyun.contracts.contract.Contract;
import io.guoziyun.contracts.contract.ContractView;
import io.guoziyun.contracts.contract.Contracts;
import io.guoziyun.contracts.finding.ContractFindingEvaluator;
import io.guoziyun.contracts.provider.Classification;
import io.guoziyun.contracts.provider.Provider;
import io.guoziyun.problem.InvalidInput;
import io.guoziyun.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A contract's migration to the state cloud: the plan, its milestones and its completion. */
@ApplicationScoped
@Transactional
public class MigrationPlans {

    private static final String SUBJECT = "migration-plan";

    private final Contracts contracts;
    private final ContractFindingEvaluator findings;
    private final AuditTrail audit;
    private final DirectivePolicy policy;

    public MigrationPlans(
            Contracts contracts, ContractFindingEvaluator findings, AuditTrail audit, DirectivePolicy policy) {
        this.contracts = contracts;
        this.findings = findings;
        this.audit = audit;
        this.policy = policy;
    }

    /** A plan just filed or revised, and whether it was new. */
    public record Filed(Versioned<PlanView> plan, boolean created) {}

    public Versioned<PlanView> read(UUID contractId) {
        contracts.find(contractId);
        MigrationPlan plan = require(contractId);
        return new Versioned<>(view(plan), plan.version);
    }

    /** Files the plan, or revises it (then If-Match is needed); the target must be a state cloud. */
    public Filed file(UUID contractId, IfMatch ifMatch, PlanFiling filing) {
        Contract contract = contracts.find(contractId);
        contract.requireActive();
        Provider target = Provider.bySlug(filing.targetProvider())
                .orElseThrow(() ->
                        InvalidInput.field("targetProvider", "unknown provider '" + filing.targetProvider() + "'"));
        if (target.classification != Classification.STATE_CLOUD) {
            throw InvalidInput.field(
                    "targetProvider",
                    "must be a STATE_CLOUD provider; " + target.slug + " is " + target.classification);
        }
        MigrationPlan plan = MigrationPlan.findById(contractId);
        boolean created = plan == null;
        PlanView before = null;
        if (created) {
            plan = MigrationPlan.file(
                    contract.firmId, contractId, ChinaTime.today(), target.slug, filing.plannedCompletionOn());
            plan.persist();
        } else {
            ifMatch.check(plan.version);
            before = view(plan);
            plan.revise(target.slug, filing.plannedCompletionOn());
        }
        findings.reevaluate(contract, Resolution.PLAN_FILED, false);
        plan.flush();
        PlanView after = view(plan);
        audit.record(
                created ? "migration-plan.filed" : "migration-plan.revised",
                SUBJECT,
                contractId,
                contract.firmId,
                before,
                after);
        return new Filed(new Versioned<>(after, plan.version), created);
    }

    public Versioned<PlanView.MilestoneView> addMilestone(UUID contractId, MilestoneFiling filing) {
        Contract contract = contracts.find(contractId);
        require(contractId).requireOpen();
        Milestone milestone = Milestone.of(contract.firmId, contractId, filing);
        milestone.persistAndFlush();
        var view = PlanView.MilestoneView.of(milestone);
        audit.record("milestone.added", SUBJECT, contractId, contract.firmId, null, view);
        return new Versioned<>(view, milestone.version);
    }

    public Versioned<PlanView.MilestoneView> updateMilestone(
            UUID contractId, UUID milestoneId, IfMatch ifMatch, MilestoneFiling filing) {
        contracts.find(contractId);
        require(contractId).requireOpen();
        Milestone milestone = Milestone.findById(milestoneId);
        if (milestone == null || !milestone.contractId.equals(contractId)) {
            throw new NotFound("Milestone " + milestoneId);
        }
        ifMatch.check(milestone.version);
        var before = PlanView.MilestoneView.of(milestone);
        milestone.update(filing);
        milestone.flush();
        var after = PlanView.MilestoneView.of(milestone);
        audit.record("milestone.updated", SUBJECT, contractId, milestone.firmId, before, after);
        return new Versioned<>(after, milestone.version);
    }

    /**
     * The migration is complete on {@code on}: the contract becomes MIGRATED as of that day (CR-3 reads it). Dated
     * more than the policy's backdating days back, it needs {@code evidence} and the contract is flagged.
     */
    public Versioned<PlanView> complete(UUID contractId, LocalDate on, String evidence) {
        Contract contract = contracts.find(contractId);
        contract.requireActive();
        MigrationPlan plan = require(contractId);
        PlanView before = view(plan);
        ContractView contractBefore = ContractView.of(contract);
        LocalDate today = ChinaTime.today();
        plan.complete(on, today);
        contract.migrated(on, today, policy.backdated(on, today, evidence, "completedOn"), evidence);
        findings.reevaluate(contract, Resolution.MIGRATION, false);
        contracts.changed(contract, "contract.migrated", contractBefore);
        plan.flush();
        PlanView after = view(plan);
        audit.record("migration.completed", SUBJECT, contractId, contract.firmId, before, after);
        return new Versioned<>(after, plan.version);
    }

    private static MigrationPlan require(UUID contractId) {
        MigrationPlan plan = MigrationPlan.findById(contractId);
        if (plan == null) {
            throw new NotFound("Migration plan of contract " + contractId);
        }
        return plan;
    }

    private static PlanView view(MigrationPlan plan) {
        List<Milestone> milestones = Milestone.list("contractId = ?1 order by dueOn, id", plan.contractId);
        return PlanView.of(plan, milestones);
    }
}
