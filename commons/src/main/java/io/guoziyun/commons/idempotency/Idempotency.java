package io.guoziyun.commons.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.guoziyun.commons.Digests;
import io.guoziyun.commons.firm.Caller;
import io.guoziyun.problem.InvalidInput;
import io.guoziyun.problem.StateConflict;
import io.guoziyun.problem.Unprocessable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code Idempotency-Key} on POST: the first successful answer to a key is stored in the same transaction as the
 * change it made, and a repeat with the same request gets that answer again; a repeat with another request is
 * refused with 422. Racing requests with one key wait on the key's row, so exactly one of them acts.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern SANE = Pattern.compile("[\\x21-\\x7e]{1,128}");

    private final EntityManager em;
    private final Caller caller;
    private final ObjectMapper json;
    private final Duration ttl;

    public Idempotency(
            EntityManager em,
            Caller caller,
            ObjectMapper json,
            @ConfigProperty(name = "guoziyun.idempotency.ttl", defaultValue = "P1D") Duration ttl) {
        this.em = em;
        this.caller = caller;
        this.json = json;
        this.ttl = ttl;
    }

    /**
     * Runs {@code action} once per key, in one transaction with the record of its answer (joined when the caller
     * has one); {@code operation} names what is done (e.g. {@code POST /api/v1/contracts}) and {@code request} is
     * the parsed body, compared canonically. The action calls the use case, which owns the change.
     */
    @Transactional
    public Response once(String key, String operation, Object request, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (!SANE.matcher(key).matches()) {
            throw InvalidInput.field(HEADER, "1–128 visible ASCII characters");
        }
        // Hashed: any principal name fits the column, and keys are kept per caller.
        String who = Digests.sha256Hex(caller.name());
        String hash = fingerprint(json, operation, request);
        Instant now = Instant.now();
        em.createNativeQuery("DELETE FROM idempotency_record WHERE caller = ?1 AND key = ?2 AND expires_at < ?3")
                .setParameter(1, who)
                .setParameter(2, key)
                .setParameter(3, Timestamp.from(now))
                .executeUpdate();
        int claimed = em.createNativeQuery(
                        "INSERT INTO idempotency_record (caller, key, request_hash, created_at, expires_at)"
                                + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING")
                .setParameter(1, who)
                .setParameter(2, key)
                .setParameter(3, hash)
                .setParameter(4, Timestamp.from(now))
                .setParameter(5, Timestamp.from(now.plus(ttl)))
                .executeUpdate();
        if (claimed == 1) {
            Response response = action.get();
            remember(who, key, response);
            return response;
        }
        return replay(who, key, hash);
    }

    /**
     * Whether the caller has an answer kept under {@code key}: then a retry is replayed, and checks made before a
     * body is read (which the first request passed) are not made again.
     */
    @Transactional
    public boolean answered(String key) {
        if (key == null || !SANE.matcher(key).matches()) {
            return false;
        }
        return !em.createNativeQuery("SELECT 1 FROM idempotency_record WHERE caller = ?1 AND key = ?2"
                        + " AND status IS NOT NULL AND expires_at >= ?3")
                .setParameter(1, Digests.sha256Hex(caller.name()))
                .setParameter(2, key)
                .setParameter(3, Timestamp.from(Instant.now()))
                .getResultList()
                .isEmpty();
    }

    private void remember(String who, String key, Response response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        Object etag = response.getHeaders().getFirst(HttpHeaders.ETAG);
        em.createNativeQuery("UPDATE idempotency_record SET status = ?1, location = ?2, etag = ?3, body = ?4"
                        + " WHERE caller = ?5 AND key = ?6")
                .setParameter(1, response.getStatus())
                .setParameter(2, location == null ? null : location.toString())
                .setParameter(3, etag == null ? null : etag.toString())
                .setParameter(4, response.hasEntity() ? write(response.getEntity()) : null)
                .setParameter(5, who)
                .setParameter(6, key)
                .executeUpdate();
    }

    private Response replay(String who, String key, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT request_hash, status, location, etag, body"
                        + " FROM idempotency_record WHERE caller = ?1 AND key = ?2")
                .setParameter(1, who)
                .setParameter(2, key)
                .getResultList();
        if (rows.isEmpty() || rows.get(0)[1] == null) {
            throw new StateConflict("A request with this Idempotency-Key is still being answered");
        }
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw new Unprocessable(
                    "This Idempotency-Key was used for a different request; use a new key for a new request");
        }
        Response.ResponseBuilder answer =
                Response.status(((Number) row[1]).intValue()).header(REPLAYED, "true");
        if (row[2] != null) {
            answer.header(HttpHeaders.LOCATION, row[2]);
        }
        if (row[3] != null) {
            answer.header(HttpHeaders.ETAG, row[3]);
        }
        if (row[4] != null) {
            answer.entity(row[4]).type(MediaType.APPLICATION_JSON);
        }
        return answer.build();
    }

    /**
     * What a request is compared by: its operation and its parsed body as JSON, with map entries in key order — a
     * {@code Map.of}'s own order differs from one JVM to the next, so a retry that reaches another replica, or the
     * same one after a restart, would otherwise be taken for a different request (422).
     */
    static String fingerprint(ObjectMapper json, String operation, Object request) {
        try {
            return Digests.sha256Hex(operation + "\n"
                    + json.writer()
                            .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                            .writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request cannot be written as JSON", e);
        }
    }

    private String write(Object entity) {
        try {
            return json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response cannot be written as JSON", e);
        }
    }
}
