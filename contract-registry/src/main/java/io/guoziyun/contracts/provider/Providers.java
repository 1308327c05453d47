package io.guoziyun.contracts.provider;

import io.guoziyun.commons.audit.AuditTrail;
import io.guoziyun.commons.concurrency.IfMatch;
import io.guoziyun.commons.finding.Resolution;
import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.policy.ChinaTime;
import io.guoziyun.commons.rest.Versioned;
import io.guoziyun.commons.validation.DateBounds;
import io.guoziyun.contracts.contract.Contract;
import io.guoziyun.contracts.finding.ContractFindingEvaluator;
import io.guoziyun.problem.AlreadyExists;
import io.guoziyun.problem.InvalidInput;
import io.guoziyun.problem.NotFound;
import io.guoziyun.problem.StateConflict;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The provider registry: who is a third party and who the state cloud, with every classification kept. */
@ApplicationScoped
@Transactional
public class Providers {

    private static final String SUBJECT = "provider";

    private final Caller caller;
    private final AuditTrail audit;
    private final ContractFindingEvaluator findings;
    private final PolicyProviders policyProviders;

    public Providers(
            Caller caller, AuditTrail audit, ContractFindingEvaluator findings, PolicyProviders policyProviders) {
        this.caller = caller;
        this.audit = audit;
        this.findings = findings;
        this.policyProviders = policyProviders;
    }

    public List<ProviderView> list() {
        return Provider.<Provider>listAll(Sort.by("slug")).stream()
                .map(p -> ProviderView.of(p, ProviderClassification.of(p.slug)))
                .toList();
    }

    public Versioned<ProviderView> read(String slug) {
        Provider provider = find(slug);
        return new Versioned<>(ProviderView.of(provider, ProviderClassification.of(slug)), provider.version);
    }

    public Versioned<ProviderView> add(ProviderFiling filing) {
        if (Provider.bySlug(filing.slug()).isPresent()) {
            throw new AlreadyExists("Provider " + filing.slug() + " already exists");
        }
        Provider provider = Provider.add(filing.slug(), filing.name(), filing.classification());
        provider.persist();
        LocalDate from = filing.effectiveFrom() == null ? DateBounds.EARLIEST : filing.effectiveFrom();
        ProviderClassification.of(provider, requireInBounds(from), Instant.now(), caller.name(), filing.reason())
                .persist();
        provider.flush();
        ProviderView view = ProviderView.of(provider, ProviderClassification.of(provider.slug));
        audit.record("provider.added", SUBJECT, provider.slug, null, null, view);
        return new Versioned<>(view, provider.version);
    }

    /**
     * A reclassification proposed by one regulator; another confirms it (four eyes, by token {@code sub}). The
     * state clouds named in seeds/policy cannot be reclassified (409).
     */
    public Versioned<ProviderView> proposeReclassification(String slug, IfMatch ifMatch, Reclassification change) {
        Provider provider = find(slug);
        ifMatch.check(provider.version);
        if (policyProviders.isStateCloud(slug)) {
            throw new StateConflict(slug + " is the state cloud named in seeds/policy/providers.csv: it cannot be"
                    + " reclassified through the API; a policy change is a change to that file");
        }
        ProviderView before = view(provider);
        LocalDate from = requireInBounds(change.effectiveFrom() == null ? ChinaTime.today() : change.effectiveFrom());
        provider.propose(change.classification(), from, change.reason(), caller.name(), caller.subject());
        return changed(provider, "provider.reclassification-proposed", before);
    }

    /**
     * The second regulator confirms: the classification holds from its date, and every contract is re-evaluated.
     * One that would take findings away from days already past is refused (409, ADR 0007): a provider found not
     * to be a third party is reclassified from the day that is confirmed, not before.
     */
    public Versioned<ProviderView> confirmReclassification(String slug, IfMatch ifMatch, String reason) {
        Provider provider = find(slug);
        ifMatch.check(provider.version);
        provider.requireProposal();
        provider.requireSecondRegulator(caller.subject(), "confirm");
        ProviderView before = view(provider);
        LocalDate from = provider.proposedEffectiveFrom;
        String proposedBy = provider.proposedBy;
        String proposedReason = provider.proposedReason;
        provider.confirmProposal();
        ProviderClassification.confirmed(provider, from, Instant.now(), proposedBy, proposedReason, caller.name())
                .persist();
        provider.flush();
        for (Contract contract : Contract.<Contract>list("provider", slug)) {
            findings.reevaluate(contract, Resolution.RECLASSIFICATION, true);
        }
        return changed(provider, "provider.reclassified", before, reason);
    }

    public Versioned<ProviderView> rejectReclassification(String slug, IfMatch ifMatch, String reason) {
        Provider provider = find(slug);
        ifMatch.check(provider.version);
        provider.requireProposal();
        provider.requireSecondRegulator(caller.subject(), "reject");
        ProviderView before = view(provider);
        provider.clearProposal();
        return changed(provider, "provider.reclassification-rejected", before, reason);
    }

    private Versioned<ProviderView> changed(Provider provider, String action, ProviderView before) {
        return changed(provider, action, before, null);
    }

    /** Flushed and audited; {@code reason}, when given, is kept with the entry. */
    private Versioned<ProviderView> changed(Provider provider, String action, ProviderView before, String reason) {
        provider.flush();
        ProviderView after = view(provider);
        audit.record(
                action, SUBJECT, provider.slug, null, before, reason == null ? after : new Reasoned(after, reason));
        return new Versioned<>(after, provider.version);
    }

    /** What the audit chain keeps of a confirmation or rejection: the provider after it, and why. */
    record Reasoned(ProviderView provider, String reason) {}

    private static ProviderView view(Provider provider) {
        return ProviderView.of(provider, ProviderClassification.of(provider.slug));
    }

    /** A provider from the policy file, with its first classification; false when it is registered already. */
    public boolean seed(String slug, String name, Classification classification, String source) {
        if (Provider.bySlug(slug).isPresent()) {
            return false;
        }
        Provider provider = Provider.add(slug, name, classification);
        provider.persist();
        ProviderClassification.of(provider, DateBounds.EARLIEST, provider.createdAt, "system", "seeded from " + source)
                .persist();
        return true;
    }

    private static LocalDate requireInBounds(LocalDate from) {
        if (!DateBounds.inBounds(from)) {
            throw InvalidInput.field("effectiveFrom", "a date from 1900 to 2199");
        }
        return from;
    }

    private static Provider find(String slug) {
        return Provider.bySlug(slug).orElseThrow(() -> new NotFound("Provider " + slug));
    }
}
