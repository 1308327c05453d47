package io.guoziyun.contracts.contract;

import io.guoziyun.commons.audit.AuditTrail;
import io.guoziyun.commons.concurrency.IfMatch;
import io.guoziyun.commons.finding.Resolution;
import io.guoziyun.commons.paging.Conditions;
import io.guoziyun.commons.paging.Page;
import io.guoziyun.commons.paging.PageParams;
import io.guoziyun.commons.policy.ChinaTime;
import io.guoziyun.commons.policy.DirectivePolicy;
import io.guoziyun.commons.rest.Versioned;
import io.guoziyun.contracts.finding.ContractFindingEvaluator;
import io.guoziyun.contracts.provider.Provider;
import io.guoziyun.problem.AlreadyExists;
import io.guoziyun.problem.InvalidInput;
import io.guoziyun.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The contract use cases: each loads, lets the contract decide, re-evaluates its findings and audits the change. */
@ApplicationScoped
@Transactional
public class Contracts {

    static final String SUBJECT = "contract";
    private static final Map<String, String> SORTS = Map.of(
            "reference", "reference",
            "signedOn", "signedOn",
            "endsOn", "currentEndsOn",
            "migrationDeadline", "migrationDeadline",
            "createdAt", "createdAt",
            "firmId", "firmId");

    private final AuditTrail audit;
    private final ContractFindingEvaluator findings;
    private final DirectivePolicy policy;

    public Contracts(AuditTrail audit, ContractFindingEvaluator findings, DirectivePolicy policy) {
        this.audit = audit;
        this.findings = findings;
        this.policy = policy;
    }

    /** {@code backdated}: only the contracts whose end was filed late (true), for regulators to check. */
    public Page<ContractView> list(
            PageParams page, String provider, ContractStatus status, String firmId, Boolean backdated) {
        Conditions where = new Conditions()
                .equal("provider", provider)
                .equal("status", status)
                .equal("firmId", firmId)
                .equal("backdated", backdated);
        return Page.of(
                Contract.class,
                where,
                page.order(Contract.class, SORTS, "-createdAt", "id", Set.of("currentEndsOn", "migrationDeadline")),
                page,
                (query, parameters) -> Contract.find(query, parameters),
                ContractView::of);
    }

    public Versioned<ContractView> register(String firmId, ContractFiling filing) {
        requireKnownProvider(filing.provider());
        if (Contract.count("reference", filing.reference()) > 0) {
            throw new AlreadyExists("Contract reference " + filing.reference() + " is already registered");
        }
        Contract contract = Contract.register(firmId, filing);
        contract.persist();
        findings.reevaluate(contract);
        contract.flush();
        ContractView view = ContractView.of(contract);
        audit.record("contract.registered", SUBJECT, contract.id, firmId, null, view);
        return new Versioned<>(view, contract.version);
    }

    public Versioned<ContractView> read(UUID id) {
        Contract contract = find(id);
        return new Versioned<>(ContractView.of(contract), contract.version);
    }

    public Versioned<ContractView> correct(UUID id, IfMatch ifMatch, ContractFiling filing) {
        Contract contract = find(id);
        ifMatch.check(contract.version);
        contract.requireActive();
        requireKnownProvider(filing.provider());
        if (!filing.reference().equals(contract.reference)
                && Contract.count("reference = ?1 and id <> ?2", filing.reference(), contract.id) > 0) {
            throw new AlreadyExists("Contract reference " + filing.reference() + " is already registered");
        }
        ContractView before = ContractView.of(contract);
        LocalDate latestRenewedEnd = Renewal.ofContract(id).stream()
                .map(r -> r.newEndsOn)
                .max(LocalDate::compareTo)
                .orElse(null);
        contract.correct(filing, latestRenewedEnd);
        findings.reevaluateKeepingThePast(contract);
        return changed(contract, "contract.corrected", before);
    }

    public List<RenewalView> renewals(UUID id) {
        find(id);
        return Renewal.ofContract(id).stream().map(RenewalView::of).toList();
    }

    public RenewalView renew(UUID id, RenewalFiling filing) {
        Contract contract = find(id);
        ContractView before = ContractView.of(contract);
        contract.renew(filing.renewedOn(), filing.newEndsOn());
        Renewal renewal = Renewal.of(contract, filing);
        renewal.persist();
        findings.reevaluateKeepingThePast(contract);
        changed(contract, "contract.renewed", before);
        return RenewalView.of(renewal);
    }

    public Versioned<ContractView> terminate(UUID id, IfMatch ifMatch, Termination termination) {
        Contract contract = find(id);
        ifMatch.check(contract.version);
        ContractView before = ContractView.of(contract);
        LocalDate today = ChinaTime.today();
        boolean late = policy.backdated(termination.terminatedOn(), today, termination.evidence(), "terminatedOn");
        contract.terminate(termination.terminatedOn(), termination.reason(), today, late, termination.evidence());
        findings.reevaluate(contract, Resolution.TERMINATION, false);
        return changed(contract, "contract.terminated", before);
    }

    /** The contract, or 404 when it does not exist or belongs to another firm (scoping hides it). */
    public Contract find(UUID id) {
        Contract contract = Contract.findById(id);
        if (contract == null) {
            throw new NotFound("Contract " + id);
        }
        return contract;
    }

    /** After any change to a contract or what its rules read, its findings re-evaluated: flush, audit. */
    public Versioned<ContractView> changed(Contract contract, String action, ContractView before) {
        contract.flush();
        ContractView after = ContractView.of(contract);
        audit.record(action, SUBJECT, contract.id, contract.firmId, before, after);
        return new Versioned<>(after, contract.version);
    }

    private static void requireKnownProvider(String slug) {
        if (Provider.bySlug(slug).isEmpty()) {
            throw InvalidInput.field("provider", "unknown provider '" + slug + "'; see GET /api/v1/providers");
        }
    }
}
