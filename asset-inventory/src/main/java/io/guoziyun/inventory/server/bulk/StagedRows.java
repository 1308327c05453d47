package io.guoziyun.inventory.server.bulk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the rows of an import staged in {@code server_import} show, found in SQL so that the heap holds nothing
 * per row of the file: asset tags twice in it, tags the firm has already declared, the row of a tag.
 */
@ApplicationScoped
public class StagedRows {

    /** Problems found over the staged rows: how many, and the first ones in file order. */
    record Found(long count, List<ImportReport.RowError> first) {}

    private final EntityManager em;

    public StagedRows(EntityManager em) {
        this.em = em;
    }

    /** The staged rows whose asset tag an earlier row of the file has, with the row that has it first. */
    Found duplicates() {
        long count = ((Number) em.createNativeQuery("SELECT count(*) - count(DISTINCT asset_tag) FROM server_import")
                        .getSingleResult())
                .longValue();
        if (count == 0) {
            return new Found(0, List.of());
        }
        return found(
                count,
                em.createNativeQuery("SELECT row_no, asset_tag, first_row FROM (SELECT row_no, asset_tag,"
                        + " min(row_no) OVER (PARTITION BY asset_tag) AS first_row FROM server_import) d"
                        + " WHERE row_no > first_row ORDER BY row_no"),
                r -> "appears twice in this file (first on row " + ((Number) r[2]).longValue() + ")");
    }

    /** The staged rows whose asset tag the firm has already declared, in file order. */
    Found alreadyDeclared(String firmId) {
        String declared = " FROM server_import i JOIN server s ON s.firm_id = :firm AND s.asset_tag = i.asset_tag";
        long count = ((Number) em.createNativeQuery("SELECT count(*)" + declared)
                        .setParameter("firm", firmId)
                        .getSingleResult())
                .longValue();
        return found(
                count,
                em.createNativeQuery("SELECT i.row_no, i.asset_tag" + declared + " ORDER BY i.row_no")
                        .setParameter("firm", firmId),
                r -> "already declared; import with mode=upsert to update it");
    }

    /** The first reported rows of a query answering (row, asset tag, ...), each with its message. */
    @SuppressWarnings("unchecked")
    private static Found found(long count, Query rows, Function<Object[], String> message) {
        List<Object[]> first =
                rows.setMaxResults(ServerImport.MAX_REPORTED_ERRORS).getResultList();
        return new Found(
                count,
                first.stream()
                        .map(r -> new ImportReport.RowError(
                                ((Number) r[0]).longValue(), "assetTag", (String) r[1], message.apply(r)))
                        .toList());
    }

    /** The row of the file that has each asset tag (the first, if twice). */
    @SuppressWarnings("unchecked")
    Map<String, Long> rowsOf(List<String> tags) {
        Map<String, Long> rows = new HashMap<>();
        List<Object[]> found = em.createNativeQuery("SELECT asset_tag, min(row_no) FROM server_import"
                        + " WHERE asset_tag = ANY(CAST(:tags AS text[])) GROUP BY asset_tag")
                .setParameter("tags", tags.toArray(String[]::new))
                .getResultList();
        found.forEach(r -> rows.put((String) r[0], ((Number) r[1]).longValue()));
        return rows;
    }
}
