package io.guoziyun.commons.idempotency;

import io.guoziyun.commons.firm.Caller;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;

/** Removes idempotency records past their expiry, so that the table holds only keys that can still replay. */
@ApplicationScoped
public class ExpiredKeyPurge {

    private final EntityManager em;
    private final Caller caller;

    public ExpiredKeyPurge(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
    }

    @Scheduled(every = "{guoziyun.idempotency.purge-every:PT1H}", identity = "idempotency-purge")
    void scheduled() {
        purge();
    }

    /** Deletes the expired records; answers how many. */
    @ActivateRequestContext
    @Transactional
    public int purge() {
        caller.actAsSystem();
        return em.createNativeQuery("DELETE FROM idempotency_record WHERE expires_at < ?1")
                .setParameter(1, Timestamp.from(Instant.now()))
                .executeUpdate();
    }
}
