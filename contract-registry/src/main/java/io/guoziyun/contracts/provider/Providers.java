package io.guoziyun.contracts.provider;

import io.guoziyun.commons.audit.AuditTrail;
import io.guoziyun.commons.concurrency.IfMatch;
import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.policy.ChinaTime;
import io.guoziyun.commons.rest.Versioned;
import io.guoziyun.commons.validation.DateBounds;
import io.guoziyun.contracts.contract.Contract;
import io.guoziyun.contracts.finding.ContractFindingEvaluator;
import io.guoziyun.problem.AlreadyExists;
import io.guoziyun.problem.InvalidInput;
import io.guoziyun.problem.NotFound;
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

    public Providers(Caller caller, AuditTrail audit, ContractFindingEvaluator findings) {
        this.caller = caller;
        this.audit = audit;
        this.findings = findings;
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

    /** A new classification, kept in the history; every contract with the provider is re-evaluated at once. */
    public Versioned<ProviderView> reclassify(String slug, IfMatch ifMatch, Reclassification change) {
        Provider provider = find(slug);
        ifMatch.check(provider.version);
        ProviderView before = ProviderView.of(provider, ProviderClassification.of(slug));
        if (provider.reclassify(change.classification())) {
            LocalDate from = change.effectiveFrom() == null ? ChinaTime.today() : change.effectiveFrom();
            ProviderClassification.of(provider, requireInBounds(from), Instant.now(), caller.name(), change.reason())
                    .persist();
            provider.flush();
            for (Contract contract : Contract.<Contract>list("provider", slug)) {
                findings.reevaluate(contract);
            }
        }
        ProviderView after = ProviderView.of(provider, ProviderClassification.of(slug));
        audit.record("provider.reclassified", SUBJECT, slug, null, before, after);
        return new Versioned<>(after, provider.version);
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
