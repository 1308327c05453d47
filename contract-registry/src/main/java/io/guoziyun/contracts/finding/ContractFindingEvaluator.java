package io.guoziyun.contracts.finding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guoziyun.commons.calendar.WorkingDayCalendar;
import io.guoziyun.commons.finding.FindingEvaluation;
import io.guoziyun.commons.finding.PastRecord;
import io.guoziyun.commons.finding.Resolution;
import io.guoziyun.commons.job.ClusterJobs;
import io.guoziyun.commons.policy.ChinaTime;
import io.guoziyun.commons.policy.DirectivePolicy;
import io.guoziyun.contracts.contract.Contract;
import io.guoziyun.contracts.contract.Renewal;
import io.guoziyun.contracts.migration.MigrationPlan;
import io.guoziyun.contracts.provider.ProviderClassification;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Keeps a contract's stored findings and migration deadline equal to what {@link ContractRules} decides from its
 * current facts. Called in the transaction of every change, and daily for all contracts in batches.
 */
@ApplicationScoped
public class ContractFindingEvaluator implements FindingEvaluation {

    private static final Logger LOG = Logger.getLogger(ContractFindingEvaluator.class);
    private static final int BATCH = 500;

    private final ContractRules rules;
    private final ObjectMapper json;

    public ContractFindingEvaluator(DirectivePolicy policy, WorkingDayCalendar calendar, ObjectMapper json) {
        this.rules = new ContractRules(policy, calendar);
        this.json = json;
    }

    /** After a filing that can only add to the record or end findings by its own dated facts. */
    public void reevaluate(Contract contract) {
        reevaluate(contract, Resolution.CORRECTION, false);
    }

    /**
     * After a firm's correction or a renewal, which may not take anything away from the past: a finding open on
     * an earlier day must stay open on it. Such a change is refused with 409 (ADR 0007), and nothing is written.
     */
    public void reevaluateKeepingThePast(Contract contract) {
        reevaluate(contract, Resolution.CORRECTION, true);
    }

    /**
     * Keeps the stored findings equal to what the rules decide now. A stored finding the rules no longer produce
     * is resolved today for {@code cause} and kept ({@code superseded}), never deleted.
     */
    public void reevaluate(Contract contract, Resolution cause, boolean keepThePast) {
        ContractRules.Facts facts = facts(contract);
        contract.keepMigrationDeadline(rules.migrationDeadline(facts).orElse(null));
        // A rule may be broken in more than one span (the provider reclassified): spans pair up in date order, so
        // a finding keeps its id while its dates move.
        Map<String, Deque<ContractFinding>> stored = new HashMap<>();
        for (ContractFinding f : ContractFinding.<ContractFinding>list(
                "subjectId = ?1 and superseded = false order by detectedOn", contract.id)) {
            stored.computeIfAbsent(key(f.rule, f.causeId), k -> new ArrayDeque<>())
                    .add(f);
        }
        Instant now = Instant.now();
        LocalDate today = ChinaTime.today();
        List<String> takenAway = new ArrayList<>();
        boolean ended = cause == Resolution.TERMINATION || cause == Resolution.MIGRATION;
        LocalDate endedOn = ended ? Dates.earliest(facts.terminatedOn(), facts.migratedOn()) : null;
        List<ContractRules.Finding> drafts = rules.evaluate(facts).stream()
                .sorted(Comparator.comparing(ContractRules.Finding::detectedOn))
                .toList();
        for (ContractRules.Finding draft : drafts) {
            Deque<ContractFinding> same = stored.get(key(draft.rule().code(), draft.causeId()));
            ContractFinding finding = same == null || same.isEmpty()
                    ? ContractFinding.on(contract.firmId, contract.id, draft.rule(), draft.causeId())
                    : same.poll();
            if (finding.detectedOn != null
                    && PastRecord.shortened(
                            finding.detectedOn, finding.resolvedOn, draft.detectedOn(), draft.resolvedOn(), today)) {
                takenAway.add(PastRecord.describe(finding, today));
            }
            finding.decided(draft, write(draft.inputs()), now);
            finding.persist();
        }
        for (Deque<ContractFinding> left : stored.values()) {
            for (ContractFinding finding : left) {
                if (PastRecord.hadAPast(finding.detectedOn, finding.resolvedOn, today)) {
                    takenAway.add(PastRecord.describe(finding, today));
                }
                finding.supersede(today, cause, endedOn, now);
            }
        }
        if (keepThePast && !takenAway.isEmpty()) {
            throw PastRecord.refusal(takenAway);
        }
    }

    /** The daily pass: the next {@code size} contracts by id after {@code cursor}, in the caller's transaction. */
    @Override
    public ClusterJobs.Batch reevaluateBatch(String cursor, int size) {
        List<Contract> contracts = cursor == null
                ? Contract.<Contract>find("order by id").page(0, size).list()
                : Contract.<Contract>find("id > ?1 order by id", UUID.fromString(cursor))
                        .page(0, size)
                        .list();
        contracts.forEach(c -> reevaluate(c, Resolution.POLICY, false));
        String next = contracts.size() == size ? contracts.get(size - 1).id.toString() : null;
        return new ClusterJobs.Batch(next, contracts.size());
    }

    ContractRules.Facts facts(Contract c) {
        List<ContractRules.Classified> classifications = ProviderClassification.of(c.provider).stream()
                .map(h -> new ContractRules.Classified(h.effectiveFrom, h.classification))
                .toList();
        MigrationPlan plan = MigrationPlan.findById(c.id);
        List<ContractRules.Renewal> renewals = Renewal.ofContract(c.id).stream()
                .map(r -> new ContractRules.Renewal(r.id, r.renewedOn, r.newEndsOn))
                .toList();
        return new ContractRules.Facts(
                classifications,
                c.signedOn,
                c.endsOn,
                c.terminatedOn,
                plan == null ? null : plan.completedOn,
                plan == null ? null : plan.filedOn,
                renewals);
    }

    private static String key(String rule, UUID cause) {
        return rule + "/" + Objects.toString(cause, "");
    }

    private String write(Map<String, Object> inputs) {
        try {
            return json.writeValueAsString(inputs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
