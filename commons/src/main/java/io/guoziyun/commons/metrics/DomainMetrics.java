package io.guoziyun.commons.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The suite's own figures, beside the JVM, HTTP and pool metrics Quarkus exports on the management interface
 * ({@code /q/metrics}): what a regulator's operator watches — filings accepted and refused, findings detected and
 * resolved, review steps, the scheduled jobs' progress. A step of a transaction is counted when it commits, never
 * when it rolls back.
 */
@ApplicationScoped
public class DomainMetrics {

    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;
    /** The findings' totals by rule, "detected" and "resolved", as last read from the tally (every replica). */
    private final Map<String, long[]> findings = new ConcurrentHashMap<>();

    public DomainMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.transactions = transactions;
    }

    /** One filing answered: {@code type} is the operation, the outcome accepted (2xx/3xx), refused (4xx) or failed. */
    public void filing(String type, int status) {
        String outcome = status < 400 ? "accepted" : status < 500 ? "refused" : "failed";
        registry.counter("guoziyun.filings", "type", type, "outcome", outcome).increment();
    }

    /** Adds one to the counter once the current transaction commits (at once when none is active). */
    public void afterCommit(String name, String... tags) {
        Counter counter = registry.counter(name, tags);
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            counter.increment();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counter.increment();
                }
            }
        });
    }

    /** A batch of a scheduled job committed: its subjects and the batch itself. */
    public void jobBatch(String job, long subjects) {
        registry.counter("guoziyun.job.subjects", "job", job).increment(subjects);
        registry.counter("guoziyun.job.batches", "job", job).increment();
    }

    /** A run of a scheduled job finished on this replica, after {@code nanos}. */
    public void jobRun(String job, long nanos) {
        registry.timer("guoziyun.job.runs", "job", job).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The totals of findings by rule, detected and resolved since the record began (the same on every replica). */
    public void findingTotals(String rule, long detected, long resolved) {
        findings.computeIfAbsent(rule, r -> {
            long[] totals = new long[2];
            registry.gauge("guoziyun.findings.detected", List.of(Tag.of("rule", r)), totals, t -> t[0]);
            registry.gauge("guoziyun.findings.resolved", List.of(Tag.of("rule", r)), totals, t -> t[1]);
            return totals;
        });
        long[] totals = findings.get(rule);
        totals[0] = detected;
        totals[1] = resolved;
    }
}
