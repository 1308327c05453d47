package io.guoziyun.commons.job;

import io.agroal.api.AgroalDataSource;
import io.guoziyun.commons.audit.AuditTrail;
import io.guoziyun.commons.metrics.DomainMetrics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Scheduled work done once per cluster, whatever the replica count (ADR 0009). A run is named by its job and a run
 * key (the daily re-evaluation of one day, the purge of one hour); it is done in bounded batches, each in its own
 * transaction together with the run's progress (its cursor), so a replica that dies loses at most the batch it was
 * in, and the next replica to try resumes from the cursor. Only one replica works on a job at a time: it holds a
 * PostgreSQL session advisory lock on a connection of its own, which the database releases by itself if the
 * replica dies. A finished run is never done again.
 */
@ApplicationScoped
public class ClusterJobs {

    private static final Logger LOG = Logger.getLogger(ClusterJobs.class);
    /** The advisory-lock class of jobs (the first key of the two-key form): "job". */
    private static final int LOCK_CLASS = 0x6a6f62;

    /** One bounded batch of a job from {@code cursor} (null: the start), in the transaction the caller gives it. */
    @FunctionalInterface
    public interface Step {
        Batch run(String cursor);
    }

    /** What a batch did: the cursor to go on from (null when the run is complete) and how many subjects it did. */
    public record Batch(String next, long processed) {}

    /** A run's state as stored. */
    public record Run(String job, String runKey, String cursor, long processed, int batches, boolean finished) {}

    private final AgroalDataSource dataSource;
    private final EntityManager em;
    private final AuditTrail audit;
    private final DomainMetrics metrics;

    public ClusterJobs(AgroalDataSource dataSource, EntityManager em, AuditTrail audit, DomainMetrics metrics) {
        this.dataSource = dataSource;
        this.em = em;
        this.audit = audit;
        this.metrics = metrics;
    }

    /**
     * Does (or resumes) the run {@code job}/{@code runKey} unless another replica is working on the job now or the
     * run is already finished; answers whether this call did work. An audited run appends one {@code job.finished}
     * entry to the audit log with its figures; it needs an active request context acting as the system.
     */
    @ActivateRequestContext
    public boolean run(String job, String runKey, boolean audited, Step step) {
        try (Connection holder = dataSource.getConnection()) {
            if (!lock(holder, "SELECT pg_try_advisory_lock(?, hashtext(?))", job)) {
                LOG.infof("job %s: another replica is running it; this one stands by", job);
                return false;
            }
            try {
                return runLocked(job, runKey, audited, step);
            } finally {
                lock(holder, "SELECT pg_advisory_unlock(?, hashtext(?))", job);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("job " + job + ": the database is not available", e);
        }
    }

    /** Resumes every unfinished run of {@code job} (a replica died in it); answers how many were taken up. */
    public int resume(String job, boolean audited, Step step) {
        int resumed = 0;
        for (String runKey : unfinished(job)) {
            resumed += run(job, runKey, audited, step) ? 1 : 0;
        }
        return resumed;
    }

    /** The stored state of a run, or null when it never started. */
    public Run state(String job, String runKey) {
        return QuarkusTransaction.requiringNew().call(() -> read(job, runKey));
    }

    private boolean runLocked(String job, String runKey, boolean audited, Step step) {
        Run run = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("INSERT INTO job_run (job, run_key, started_at, updated_at) VALUES (?1, ?2, now(),"
                            + " now()) ON CONFLICT (job, run_key) DO NOTHING")
                    .setParameter(1, job)
                    .setParameter(2, runKey)
                    .executeUpdate();
            return read(job, runKey);
        });
        if (run.finished()) {
            LOG.infof("job %s %s: already done", job, runKey);
            return false;
        }
        LOG.infof(
                run.batches() == 0 ? "job %s %s: starting" : "job %s %s: resuming after %3$d subjects",
                job,
                runKey,
                run.processed());
        long started = System.nanoTime();
        String cursor = run.cursor();
        long processed = run.processed();
        int batches = run.batches();
        do {
            String from = cursor;
            long before = processed;
            int number = batches + 1;
            Batch batch = QuarkusTransaction.requiringNew().call(() -> {
                Batch done = step.run(from);
                save(job, runKey, done.next(), before + done.processed(), number, audited);
                return done;
            });
            processed += batch.processed();
            metrics.jobBatch(job, batch.processed());
            batches = number;
            cursor = batch.next();
            LOG.infof(
                    "job %s %s: %d subjects in %d batches%s",
                    job, runKey, processed, batches, cursor == null ? ", done" : "");
        } while (cursor != null);
        LOG.infof("job %s %s: finished in %d ms", job, runKey, (System.nanoTime() - started) / 1_000_000);
        metrics.jobRun(job, System.nanoTime() - started);
        return true;
    }

    /**
     * Saves the progress in the batch's own transaction, so that a batch and its cursor commit together; the last
     * batch also marks the run finished and audits it.
     */
    private void save(String job, String runKey, String cursor, long processed, int batches, boolean audited) {
        em.createNativeQuery("UPDATE job_run SET cursor = ?1, processed = ?2, batches = ?3, updated_at = now(),"
                        + " finished_at = CASE WHEN ?4 THEN now() END WHERE job = ?5 AND run_key = ?6")
                .setParameter(1, cursor)
                .setParameter(2, processed)
                .setParameter(3, batches)
                .setParameter(4, cursor == null)
                .setParameter(5, job)
                .setParameter(6, runKey)
                .executeUpdate();
        if (cursor == null && audited) {
            Map<String, Object> done = new LinkedHashMap<>();
            done.put("job", job);
            done.put("run", runKey);
            done.put("subjects", processed);
            done.put("batches", batches);
            done.put("finishedAt", Instant.now().toString());
            audit.record(
                    "job.finished", "job", job + "-" + runKey, null, null, done); // findings-reevaluation-2026-12-02
        }
    }

    private Run read(String job, String runKey) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT cursor, processed, batches, finished_at IS NOT NULL"
                        + " FROM job_run WHERE job = ?1 AND run_key = ?2")
                .setParameter(1, job)
                .setParameter(2, runKey)
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        return new Run(
                job, runKey, (String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).intValue(), (Boolean) r[3]);
    }

    @SuppressWarnings("unchecked")
    private List<String> unfinished(String job) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "SELECT run_key FROM job_run WHERE job = ?1 AND finished_at IS NULL ORDER BY run_key")
                        .setParameter(1, job)
                        .getResultList());
    }

    private static boolean lock(Connection holder, String sql, String job) throws SQLException {
        try (PreparedStatement statement = holder.prepareStatement(sql)) {
            statement.setInt(1, LOCK_CLASS);
            statement.setString(2, job);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
