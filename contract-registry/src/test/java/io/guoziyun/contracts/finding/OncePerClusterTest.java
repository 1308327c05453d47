package io.guoziyun.contracts.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.guoziyun.commons.finding.DailyReevaluation;
import io.guoziyun.commons.job.ClusterJobs;
import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.guoziyun.contracts.Filings;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Scheduled jobs run once per cluster: two replicas firing together do the work once, and a dead one's run resumes. */
@QuarkusTest
@WithTestResource(TestOidc.class)
class OncePerClusterTest {

    @Inject
    DailyReevaluation daily;

    @Inject
    ClusterJobs jobs;

    @Inject
    AgroalDataSource db;

    @Test
    void twoReplicasFiringTogetherReevaluateOnceInBatchesAndAuditOnce() throws Exception {
        String firm = TestTokens.firm(TestTokens.newFirm());
        for (int i = 0; i < 7; i++) {
            Filings.file(firm, "alibaba-cloud", "2020-01-0" + (i + 1), null);
        }
        LocalDate day = LocalDate.of(2001, 1, 1);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch fire = new CountDownLatch(1);
            Future<Boolean> a = replicas.submit(() -> {
                fire.await();
                return daily.reevaluate(day);
            });
            Future<Boolean> b = replicas.submit(() -> {
                fire.await();
                return daily.reevaluate(day);
            });
            fire.countDown();
            assertTrue(a.get(60, TimeUnit.SECONDS) ^ b.get(60, TimeUnit.SECONDS), "exactly one replica did the run");
        } finally {
            replicas.shutdownNow();
        }
        ClusterJobs.Run run = jobs.state(DailyReevaluation.JOB, day.toString());
        assertTrue(run.finished());
        long contracts = count("SELECT count(*) FROM contract", null);
        assertEquals(contracts, run.processed(), "every contract re-evaluated once");
        assertEquals(contracts / 3 + 1, run.batches(), "3 contracts a batch (%test), the last one short");
        String subject = DailyReevaluation.JOB + "-" + day;
        assertEquals(
                1, count("SELECT count(*) FROM audit_entry WHERE action = 'job.finished' AND subject_id = ?", subject));

        assertFalse(daily.reevaluate(day), "a finished run is not done again");
        assertEquals(
                1, count("SELECT count(*) FROM audit_entry WHERE action = 'job.finished' AND subject_id = ?", subject));
    }

    @Test
    void aRunLeftByADeadReplicaIsResumedFromItsCursorByAnother() {
        String job = "test-" + UUID.randomUUID().toString().substring(0, 8);
        ClusterJobs.Step dies = cursor -> {
            if ("2".equals(cursor)) {
                throw new IllegalStateException("the replica dies in its third batch");
            }
            return new ClusterJobs.Batch(String.valueOf(cursor == null ? 1 : Integer.parseInt(cursor) + 1), 10);
        };
        assertThrows(RuntimeException.class, () -> jobs.run(job, "run", false, dies));
        ClusterJobs.Run left = jobs.state(job, "run");
        assertEquals("2", left.cursor());
        assertEquals(20, left.processed(), "the third batch rolled back with its cursor");
        assertFalse(left.finished());

        List<String> resumedFrom = new CopyOnWriteArrayList<>();
        ClusterJobs.Step rest = cursor -> {
            resumedFrom.add(cursor);
            int n = Integer.parseInt(cursor);
            return new ClusterJobs.Batch(n < 4 ? String.valueOf(n + 1) : null, 10);
        };
        assertEquals(1, jobs.resume(job, false, rest));
        assertEquals(List.of("2", "3", "4"), resumedFrom);
        ClusterJobs.Run done = jobs.state(job, "run");
        assertTrue(done.finished());
        assertNull(done.cursor());
        assertEquals(50, done.processed());
        assertEquals(0, jobs.resume(job, false, rest), "nothing is left to resume");
    }

    @Test
    void whileOneReplicaWorksOnAJobAnotherStandsBy() throws Exception {
        String job = "test-" + UUID.randomUUID().toString().substring(0, 8);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService replica = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> first = replica.submit(() -> jobs.run(job, "one", false, cursor -> {
                inside.countDown();
                await(release);
                return new ClusterJobs.Batch(null, 1);
            }));
            assertTrue(inside.await(30, TimeUnit.SECONDS));
            assertFalse(jobs.run(job, "two", false, cursor -> {
                throw new AssertionError("a second replica must not work on the job while the first does");
            }));
            release.countDown();
            assertTrue(first.get(30, TimeUnit.SECONDS));
        } finally {
            replica.shutdownNow();
        }
        assertNull(jobs.state(job, "two"), "the replica that stood by started nothing");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long count(String sql, String parameter) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement p = c.prepareStatement(sql)) {
            if (parameter != null) {
                p.setString(1, parameter);
            }
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
