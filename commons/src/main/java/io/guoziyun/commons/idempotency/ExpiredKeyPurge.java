package io.guoziyun.commons.idempotency;

import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.job.ClusterJobs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Removes idempotency records past their expiry, so that the table holds only keys that can still replay: once per
 * cluster each hour ({@link ClusterJobs}), {@value #BATCH} rows per transaction.
 */
@ApplicationScoped
public class ExpiredKeyPurge {

    public static final String JOB = "idempotency-purge";
    static final int BATCH = 10_000;

    private final EntityManager em;
    private final Caller caller;
    private final ClusterJobs jobs;

    public ExpiredKeyPurge(EntityManager em, Caller caller, ClusterJobs jobs) {
        this.em = em;
        this.caller = caller;
        this.jobs = jobs;
    }

    @Scheduled(every = "{guoziyun.idempotency.purge-every:PT1H}", identity = "idempotency-purge")
    @ActivateRequestContext
    void scheduled() {
        caller.actAsSystem();
        String hour = Instant.now().truncatedTo(ChronoUnit.HOURS).toString();
        jobs.run(JOB, hour, false, cursor -> {
            int deleted = deleteBatch();
            return new ClusterJobs.Batch(deleted < BATCH ? null : "more", deleted);
        });
    }

    /** Deletes the expired records now, in batches; answers how many. */
    @ActivateRequestContext
    public int purge() {
        caller.actAsSystem();
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(this::deleteBatch);
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }

    private int deleteBatch() {
        return em.createNativeQuery("DELETE FROM idempotency_record WHERE ctid = ANY(ARRAY(SELECT ctid FROM"
                        + " idempotency_record WHERE expires_at < ?1 LIMIT " + BATCH + "))")
                .setParameter(1, Timestamp.from(Instant.now()))
                .executeUpdate();
    }
}
