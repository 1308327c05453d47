package io.guoziyun.commons.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guoziyun.commons.Digests;
import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.request.RequestId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The service's append-only, hash-chained audit log. Every change appends one entry in the transaction of the
 * change; each entry's hash covers its content and the previous entry's hash. Appends are serialised by a
 * transaction-scoped advisory lock, so the chain has one order: the order of commits.
 */
@ApplicationScoped
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);
    private static final long APPEND_LOCK = 0x6775_6f7a_6979_756eL; // "guoziyun"
    private static final int BATCH = 1000;

    private final EntityManager em;
    private final Caller caller;
    private final RequestId requestId;
    private final ObjectMapper json;

    public AuditTrail(EntityManager em, Caller caller, RequestId requestId, ObjectMapper json) {
        this.em = em;
        this.caller = caller;
        this.requestId = requestId;
        this.json = json;
    }

    /** Appends one entry; {@code before} is null for a creation, {@code after} null for a removal. */
    public void record(
            String action, String subjectType, Object subjectId, String firmId, Object before, Object after) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
                .setParameter(1, APPEND_LOCK)
                .getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> last = em.createNativeQuery("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1")
                .getResultList();
        long seq = last.isEmpty() ? 1 : ((Number) last.get(0)[0]).longValue() + 1;
        String prevHash = last.isEmpty() ? GENESIS : (String) last.get(0)[1];
        AuditEntryView entry = new AuditEntryView(
                seq,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                caller.name(),
                firmId,
                requestId.value(),
                action,
                subjectType,
                String.valueOf(subjectId),
                write(before),
                write(after),
                prevHash,
                null);
        String hash = hash(entry);
        em.createNativeQuery("INSERT INTO audit_entry (seq, at, actor, firm_id, request_id, action, subject_type,"
                        + " subject_id, before, after, prev_hash, hash)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
                .setParameter(1, entry.seq())
                .setParameter(2, Timestamp.from(entry.at()))
                .setParameter(3, entry.actor())
                .setParameter(4, entry.firmId())
                .setParameter(5, entry.requestId())
                .setParameter(6, entry.action())
                .setParameter(7, entry.subjectType())
                .setParameter(8, entry.subjectId())
                .setParameter(9, entry.before())
                .setParameter(10, entry.after())
                .setParameter(11, entry.prevHash())
                .setParameter(12, hash)
                .executeUpdate();
    }

    /** Entries in chain order, optionally of one subject or of one firm, {@code afterSeq} exclusive. */
    @Transactional
    public List<AuditEntryView> entries(String subjectType, String subjectId, String firmId, long afterSeq, int limit) {
        StringBuilder sql = new StringBuilder("SELECT seq, at, actor, firm_id, request_id, action, subject_type,"
                + " subject_id, before, after, prev_hash, hash FROM audit_entry WHERE seq > :after");
        // Named, not numbered: Hibernate refuses numbered parameters with a gap (one filter without the other).
        if (subjectType != null) {
            sql.append(" AND subject_type = :subjectType");
        }
        if (subjectId != null) {
            sql.append(" AND subject_id = :subjectId");
        }
        if (firmId != null) {
            sql.append(" AND firm_id = :firmId");
        }
        sql.append(" ORDER BY seq LIMIT :limit");
        var query = em.createNativeQuery(sql.toString())
                .setParameter("after", afterSeq)
                .setParameter("limit", limit);
        if (subjectType != null) {
            query.setParameter("subjectType", subjectType);
        }
        if (subjectId != null) {
            query.setParameter("subjectId", subjectId);
        }
        if (firmId != null) {
            query.setParameter("firmId", firmId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<AuditEntryView> entries = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            entries.add(new AuditEntryView(
                    ((Number) r[0]).longValue(),
                    toInstant(r[1]),
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    (String) r[6],
                    (String) r[7],
                    (String) r[8],
                    (String) r[9],
                    (String) r[10],
                    (String) r[11]));
        }
        return entries;
    }

    /** Re-computes every hash from the first entry on; names the first entry whose link does not hold. */
    @Transactional
    public ChainVerification verify() {
        String expectedPrev = GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        List<AuditEntryView> batch;
        long after = 0;
        do {
            batch = entries(null, null, null, after, BATCH);
            for (AuditEntryView e : batch) {
                if (e.seq() != expectedSeq) {
                    return new ChainVerification(
                            false, checked, e.seq(), "entry " + expectedSeq + " is missing before this one");
                }
                if (!e.prevHash().equals(expectedPrev)) {
                    return new ChainVerification(
                            false, checked, e.seq(), "its prevHash is not the hash of the entry before it");
                }
                if (!e.hash().equals(hash(e))) {
                    return new ChainVerification(
                            false, checked, e.seq(), "its content does not match its hash: it was altered");
                }
                checked++;
                expectedSeq++;
                expectedPrev = e.hash();
                after = e.seq();
            }
        } while (batch.size() == BATCH);
        return new ChainVerification(true, checked, null, null);
    }

    /** Length-prefixed fields, so that no two different entries can give the same text to hash. */
    static String hash(AuditEntryView e) {
        StringBuilder text = new StringBuilder();
        for (Object field : new Object[] {
            e.seq(),
            e.at(),
            e.actor(),
            e.firmId(),
            e.requestId(),
            e.action(),
            e.subjectType(),
            e.subjectId(),
            e.before(),
            e.after(),
            e.prevHash()
        }) {
            String value = field == null ? "" : field.toString();
            text.append(field == null ? -1 : value.length())
                    .append(':')
                    .append(value)
                    .append('|');
        }
        return Digests.sha256Hex(text.toString());
    }

    private String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit subject cannot be written as JSON", e);
        }
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
