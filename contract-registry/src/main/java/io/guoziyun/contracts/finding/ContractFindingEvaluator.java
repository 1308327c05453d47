package io.guoziyun.contracts.finding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guoziyun.commons.finding.FindingEvaluation;
import io.guoziyun.commons.policy.DirectivePolicy;
import io.guoziyun.contracts.contract.Contract;
import io.guoziyun.contracts.contract.Renewal;
import io.guoziyun.contracts.migration.MigrationPlan;
import io.guoziyun.contracts.provider.Classification;
import io.guoziyun.contracts.provider.Provider;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
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

    public ContractFindingEvaluator(DirectivePolicy policy, ObjectMapper json) {
        this.rules = new ContractRules(policy);
        this.json = json;
    }

    public void reevaluate(Contract contract) {
        ContractRules.Facts facts = facts(contract);
        contract.keepMigrationDeadline(rules.migrationDeadline(facts).orElse(null));
        Map<String, ContractFinding> stored = new HashMap<>();
        for (ContractFinding f : ContractFinding.<ContractFinding>list("subjectId", contract.id)) {
            stored.put(key(f.rule, f.causeId), f);
        }
        Instant now = Instant.now();
        for (ContractRules.Finding draft : rules.evaluate(facts)) {
            ContractFinding finding = stored.remove(key(draft.rule().code(), draft.causeId()));
            if (finding == null) {
                finding = ContractFinding.on(contract.firmId, contract.id, draft.rule(), draft.causeId());
            }
            finding.decided(draft, write(draft.inputs()), now);
            finding.persist();
        }
        stored.values().forEach(ContractFinding::delete);
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
        Classification classification =
                Provider.bySlug(c.provider).map(p -> p.classification).orElse(Classification.THIRD_PARTY);
        MigrationPlan plan = MigrationPlan.findById(c.id);
        List<ContractRules.Renewal> renewals = Renewal.ofContract(c.id).stream()
                .map(r -> new ContractRules.Renewal(r.id, r.renewedOn, r.newEndsOn))
                .toList();
        return new ContractRules.Facts(
                classification,
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
