package io.guoziyun.commons.finding;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The counts the database keeps on write (ADR 0010): the firms that filed, and per rule and day the findings
 * detected and resolved, added by triggers in the writing transaction. Reading them costs the same at any size;
 * {@link #fold()} sums the rows added since into one per rule and day (and asset-inventory's server tally into one
 * per firm, status and acquisition), so that their number stays that of the days (and the firms).
 */
@ApplicationScoped
public class FindingTally {

    private static final Logger LOG = Logger.getLogger(FindingTally.class);
    /** Any number, the same on every replica: one fold at a time in the cluster. */
    private static final long FOLD_LOCK = 0x74616c6c79L;

    private final Instance<EntityManager> em;
    private final Instance<FindingEvaluation> evaluations;

    public FindingTally(Instance<EntityManager> em, Instance<FindingEvaluation> evaluations) {
        this.em = em;
        this.evaluations = evaluations;
    }

    /** Every firm with a record in this service, in order. */
    @SuppressWarnings("unchecked")
    public List<String> firms() {
        return em.get()
                .createNativeQuery("SELECT firm_id FROM filed_firm ORDER BY firm_id")
                .getResultList();
    }

    /** Open findings by rule on {@code asOf}: detected by then, less resolved by then ({@link OpenAsOf}). */
    public Map<String, Long> openByRule(LocalDate asOf) {
        Map<String, Long> open = new TreeMap<>();
        for (Object row : em.get()
                .createNativeQuery("SELECT rule, sum(detected) - sum(resolved) FROM finding_tally WHERE day <= ?1"
                        + " GROUP BY rule HAVING sum(detected) - sum(resolved) <> 0")
                .setParameter(1, asOf)
                .getResultList()) {
            Object[] r = (Object[]) row;
            open.put((String) r[0], ((Number) r[1]).longValue());
        }
        return open;
    }

    /** Sums the tally's rows into one per rule and day; rows added meanwhile stay for the next fold. */
    @Scheduled(every = "{guoziyun.tally.fold-every:60s}", identity = "finding-tally-fold")
    public void fold() {
        if (evaluations.isUnsatisfied()) {
            return;
        }
        int rows = QuarkusTransaction.requiringNew().call(() -> {
            EntityManager db = em.get();
            Object locked = db.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, FOLD_LOCK)
                    .getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            int folded = db.createNativeQuery("WITH gone AS (DELETE FROM finding_tally RETURNING *)"
                            + " INSERT INTO finding_tally (rule, day, detected, resolved)"
                            + " SELECT rule, day, sum(detected), sum(resolved) FROM gone GROUP BY rule, day"
                            + " HAVING sum(detected) <> 0 OR sum(resolved) <> 0")
                    .executeUpdate();
            if (db.createNativeQuery("SELECT to_regclass('server_tally') IS NOT NULL")
                    .getSingleResult()
                    .equals(Boolean.TRUE)) {
                folded += db.createNativeQuery("WITH gone AS (DELETE FROM server_tally RETURNING *)"
                                + " INSERT INTO server_tally (firm_id, status, acquisition, servers)"
                                + " SELECT firm_id, status, acquisition, sum(servers) FROM gone GROUP BY 1, 2, 3"
                                + " HAVING sum(servers) <> 0")
                        .executeUpdate();
            }
            return folded;
        });
        LOG.debugf("finding tally folded into %d rows", rows);
    }
}
