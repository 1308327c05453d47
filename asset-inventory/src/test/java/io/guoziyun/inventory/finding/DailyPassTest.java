package io.guoziyun.inventory.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.guoziyun.commons.finding.DailyReevaluation;
import io.guoziyun.commons.job.ClusterJobs;
import io.guoziyun.commons.testing.TestOidc;
import io.guoziyun.commons.testing.TestTokens;
import io.guoziyun.inventory.Estate;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The daily pass walks every site, then every server, a bounded batch at a time, and restores what rules decide. */
@QuarkusTest
@WithTestResource(TestOidc.class)
class DailyPassTest {

    @Inject
    DailyReevaluation daily;

    @Inject
    ClusterJobs jobs;

    @Inject
    AgroalDataSource db;

    @Test
    void theDailyPassReachesEverySiteAndServerInBatches() throws Exception {
        String usccOfFirm = TestTokens.newFirm();
        String firm = TestTokens.firm(usccOfFirm);
        String code = Estate.code();
        Estate.declareSite(firm, Estate.site(code, "UNDER_CONSTRUCTION", "2022-02-01", null));
        for (int i = 0; i < 5; i++) {
            Estate.declareServer(firm, Estate.server("D-" + i, null, "PURCHASE", "2022-03-0" + (i + 1)));
        }
        // Findings lost behind the service's back (a restore, a policy change): the daily pass brings them back.
        assertEquals(6, update("DELETE FROM inventory_finding WHERE firm_id = ?", usccOfFirm));

        LocalDate day = LocalDate.of(2001, 1, 2);
        assertTrue(daily.reevaluate(day));
        assertEquals(
                1, count("SELECT count(*) FROM inventory_finding WHERE firm_id = ? AND rule = 'AI-1'", usccOfFirm));
        assertEquals(
                5, count("SELECT count(*) FROM inventory_finding WHERE firm_id = ? AND rule = 'AI-2'", usccOfFirm));
        ClusterJobs.Run run = jobs.state(DailyReevaluation.JOB, day.toString());
        long sites = count("SELECT count(*) FROM site", null);
        long servers = count("SELECT count(*) FROM server", null);
        assertEquals(sites + servers, run.processed(), "every site and server once");
        assertEquals(sites / 4 + 1 + servers / 4 + 1, run.batches(), "4 subjects a batch (%test), sites then servers");
    }

    private int update(String sql, String parameter) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, parameter);
            return p.executeUpdate();
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
