package io.guoziyun.contracts.finding;

import static io.guoziyun.contracts.finding.Dates.earliest;
import static io.guoziyun.contracts.finding.Dates.latest;

import io.guoziyun.commons.finding.Resolution;
import io.guoziyun.contracts.provider.Classification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The days a contract's provider was a third party, from its dated classifications; a finding holds only within
 * them (a rule is broken with a third party, not with the state cloud).
 */
final class ThirdPartySpans {

    /** From {@code from} until {@code until} (exclusive; null while it lasts). */
    record Span(LocalDate from, LocalDate until) {}

    private ThirdPartySpans() {}

    /** The spans during which the contract's provider was a third party, in order. */
    static List<Span> of(List<ContractRules.Classified> classifications) {
        List<ContractRules.Classified> in = classifications.stream()
                .sorted(Comparator.comparing(ContractRules.Classified::from))
                .toList();
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            boolean starts = in.get(i).classification() == Classification.THIRD_PARTY
                    && (i == 0 || in.get(i - 1).classification() != Classification.THIRD_PARTY);
            if (!starts) {
                continue;
            }
            LocalDate until = null;
            for (int j = i + 1; j < in.size() && until == null; j++) {
                if (in.get(j).classification() != Classification.THIRD_PARTY) {
                    until = in.get(j).from();
                }
            }
            spans.add(new Span(in.get(i).from(), until));
        }
        return spans;
    }

    /** The part of a finding that falls within a third-party span, if any; a same-day finding where it falls. */
    static Optional<ContractRules.Finding> within(ContractRules.Finding f, Span span) {
        boolean sameDay = f.resolvedOn() != null && !f.resolvedOn().isAfter(f.detectedOn());
        if (sameDay) {
            boolean inSpan = !f.detectedOn().isBefore(span.from())
                    && (span.until() == null || f.detectedOn().isBefore(span.until()));
            return inSpan ? Optional.of(f) : Optional.empty();
        }
        LocalDate from = latest(f.detectedOn(), span.from());
        LocalDate until = f.resolvedOn() == null
                ? span.until()
                : span.until() == null ? f.resolvedOn() : earliest(f.resolvedOn(), span.until());
        if (until != null && !from.isBefore(until)) {
            return Optional.empty();
        }
        boolean clipped = until != null && (f.resolvedOn() == null || until.isBefore(f.resolvedOn()));
        return Optional.of(new ContractRules.Finding(
                f.rule(),
                f.causeId(),
                from,
                until,
                clipped ? Resolution.RECLASSIFICATION : f.resolution(),
                f.deadline(),
                f.inputs()));
    }
}
