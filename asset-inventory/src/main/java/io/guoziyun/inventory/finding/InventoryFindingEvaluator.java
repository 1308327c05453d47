package io.guoziyun.inventory.finding;

import io.guoziyun.commons.finding.FindingEvaluation;
import io.guoziyun.commons.policy.DirectivePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Rules AI-1 and AI-2, kept as set-based SQL so that one statement serves a single change, a bulk import of
 * 100,000 servers and the daily pass alike. Findings are dated facts: {@code detected_on} is the first day the
 * rule is broken, {@code resolved_on} the day the site was retired or the server decommissioned or migrated.
 * Native SQL is not firm-filtered by Hibernate, so every statement names its scope explicitly.
 */
@ApplicationScoped
public class InventoryFindingEvaluator implements FindingEvaluation {

    private static final String SITE_DETECTED = "LEAST("
            + "CASE WHEN s.construction_started_on >= :eff THEN s.construction_started_on END, "
            + "CASE WHEN s.commissioned_on >= :eff THEN s.commissioned_on END, "
            + "CASE WHEN s.created_status IN ('PLANNED', 'UNDER_CONSTRUCTION') AND s.created_on >= :eff"
            + " THEN s.created_on END)";

    private static final String UPSERT_AI1 = "INSERT INTO inventory_finding (id, firm_id, rule, severity, subject_type,"
            + " subject_id, detected_on, resolved_on, inputs, evaluated_at)"
            + " SELECT gen_random_uuid(), s.firm_id, 'AI-1', 'CRITICAL', 'site', s.id, d.detected,"
            + " CASE WHEN s.retired_on IS NOT NULL THEN GREATEST(s.retired_on, d.detected) END,"
            + " json_build_object('code', s.code, 'constructionStartedOn', s.construction_started_on,"
            + " 'commissionedOn', s.commissioned_on, 'createdOn', s.created_on, 'createdStatus', s.created_status,"
            + " 'retiredOn', s.retired_on, 'effectiveDate', CAST(:eff AS date))::text, now()"
            + " FROM site s CROSS JOIN LATERAL (SELECT " + SITE_DETECTED + " AS detected) d"
            + " WHERE d.detected IS NOT NULL AND %s"
            + " ON CONFLICT (rule, subject_id) DO UPDATE SET detected_on = EXCLUDED.detected_on,"
            + " resolved_on = EXCLUDED.resolved_on, inputs = EXCLUDED.inputs, evaluated_at = EXCLUDED.evaluated_at";

    private static final String PRUNE_AI1 = "DELETE FROM inventory_finding f USING site s"
            + " WHERE f.rule = 'AI-1' AND f.subject_id = s.id AND " + SITE_DETECTED + " IS NULL AND %s";

    private static final String UPSERT_AI2 = "INSERT INTO inventory_finding (id, firm_id, rule, severity, subject_type,"
            + " subject_id, detected_on, resolved_on, inputs, evaluated_at)"
            + " SELECT gen_random_uuid(), s.firm_id, 'AI-2', 'CRITICAL', 'server', s.id, s.acquired_on,"
            + " CASE WHEN s.status IN ('DECOMMISSIONED', 'MIGRATED') THEN GREATEST(s.status_on, s.acquired_on) END,"
            + " json_build_object('assetTag', s.asset_tag, 'acquisition', s.acquisition, 'acquiredOn', s.acquired_on,"
            + " 'status', s.status, 'statusOn', s.status_on, 'effectiveDate', CAST(:eff AS date))::text, now()"
            + " FROM server s WHERE s.acquisition = 'PURCHASE' AND s.acquired_on >= :eff AND %s"
            + " ON CONFLICT (rule, subject_id) DO UPDATE SET detected_on = EXCLUDED.detected_on,"
            + " resolved_on = EXCLUDED.resolved_on, inputs = EXCLUDED.inputs, evaluated_at = EXCLUDED.evaluated_at";

    private static final String PRUNE_AI2 = "DELETE FROM inventory_finding f USING server s"
            + " WHERE f.rule = 'AI-2' AND f.subject_id = s.id"
            + " AND NOT (s.acquisition = 'PURCHASE' AND s.acquired_on >= :eff) AND %s";

    private final EntityManager em;
    private final DirectivePolicy policy;

    public InventoryFindingEvaluator(EntityManager em, DirectivePolicy policy) {
        this.em = em;
        this.policy = policy;
    }

    public void site(UUID siteId) {
        run(UPSERT_AI1, PRUNE_AI1, "s.id = :scope", siteId);
    }

    public void server(UUID serverId) {
        run(UPSERT_AI2, PRUNE_AI2, "s.id = :scope", serverId);
    }

    /**
     * The servers of one firm loaded by one bulk import: their ids are time-ordered and were given in one run,
     * so the primary key's range between the first and the last finds exactly them.
     */
    public void serversLoaded(String firmId, UUID first, UUID last) {
        for (String sql : new String[] {UPSERT_AI2, PRUNE_AI2}) {
            em.createNativeQuery(sql.formatted("s.id BETWEEN :first AND :last AND s.firm_id = :firm"))
                    .setParameter("eff", policy.effectiveDate())
                    .setParameter("first", first)
                    .setParameter("last", last)
                    .setParameter("firm", firmId)
                    .executeUpdate();
        }
    }

    /** The servers of one firm named in the staging table of a bulk import ({@code server_import}). */
    public void importedServersOf(String firmId) {
        run(
                UPSERT_AI2,
                PRUNE_AI2,
                "s.firm_id = :scope AND s.asset_tag IN (SELECT asset_tag FROM server_import)",
                firmId);
    }

    /** Every site and server of every firm: the daily pass, one transaction. */
    @Override
    @Transactional
    public void reevaluateAll() {
        run(UPSERT_AI1, PRUNE_AI1, "TRUE", null);
        run(UPSERT_AI2, PRUNE_AI2, "TRUE", null);
    }

    private void run(String upsert, String prune, String scope, Object value) {
        for (String sql : new String[] {upsert, prune}) {
            Query query = em.createNativeQuery(sql.formatted(scope)).setParameter("eff", policy.effectiveDate());
            if (value != null) {
                query.setParameter("scope", value);
            }
            query.executeUpdate();
        }
    }
}
