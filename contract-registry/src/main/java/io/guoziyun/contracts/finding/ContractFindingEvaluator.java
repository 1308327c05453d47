package io.guoziyun.contracts.finding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guoziyun.commons.calendar.WorkingDayCalendar;
import io.guoziyun.commons.finding.FindingEvaluation;
import io.guoziyun.commons.policy.DirectivePolicy;
import io.guoziyun.contracts.contract.Contract;
import io.guoziyun.contracts.contract.Renewal;
import io.guoziyun.contracts.migration.MigrationPlan;
import io.guoziyun.contracts.provider.ProviderClassification;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayDeque;
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

    public void reevaluate(Contract contract) {
        ContractRules.Facts facts = facts(contract);
        contract.keepMigrationDeadline(rules.migrationDeadline(facts).orElse(null));
        // A rule may be broken in more than one span (the provider reclassified): spans pair up in date order, so
        // a finding keeps its id while its dates move.
        Map<String, Deque<ContractFinding>> stored = new HashMap<>();
        for (ContractFinding f :
                ContractFinding.<ContractFinding>list("subjectId = ?1 order by detectedOn", contract.id)) {
            stored.computeIfAbsent(key(f.rule, f.causeId), k -> new ArrayDeque<>())
                    .add(f);
        }
        Instant now = Instant.now();
        List<ContractRules.Finding> drafts = rules.evaluate(facts).stream()
                .sorted(Comparator.comparing(ContractRules.Finding::detectedOn))
                .toList();
        for (ContractRules.Finding draft : drafts) {
            Deque<ContractFinding> same = stored.get(key(draft.rule().code(), draft.causeId()));
            ContractFinding finding = same == null || same.isEmpty()
                    ? ContractFinding.on(contract.firmId, contract.id, draft.rule(), draft.causeId())
                    : same.poll();
            finding.decided(draft, write(draft.inputs()), now);
            finding.persist();
        }
        stored.values().forEach(left -> left.forEach(ContractFinding::delete));
    }

    /** Every contract, {@value #BATCH} at a time, each batch in its own transaction. */
    @Override
    public void reevaluateAll() {
        long count = 0;
        UUID after = null;
        while (true) {
            UUID from = after;
            List<UUID> batch = QuarkusTransaction.requiringNew().call(() -> {
                List<Contract> contracts = from == null
                        ? Contract.<Contract>find("order by id").page(0, BATCH).list()
                        : Contract.<Contract>find("id > ?1 order by id", from)
                                .page(0, BATCH)
                                .list();
                contracts.forEach(this::reevaluate);
                return contracts.stream().map(c -> c.id).toList();
            });
            if (batch.isEmpty()) {
                break;
            }
            count += batch.size();
            after = batch.get(batch.size() - 1);
        }
        LOG.infof("Re-evaluated the findings of %d contracts", count);
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
