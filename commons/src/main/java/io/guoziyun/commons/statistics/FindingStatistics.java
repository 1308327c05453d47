package io.guoziyun.commons.statistics;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A service's counts for the regulator overview: the firms that filed, and open findings by rule, as of a date. */
@Schema(name = "FindingStatistics")
public record FindingStatistics(
        LocalDate asOf,

        @Schema(description = "Every firm with a record in this service")
        List<String> firms,

        @Schema(description = "Open findings on asOf, by rule")
        Map<String, Long> openByRule) {

    /**
     * Counts with HQL on the caller's session (firm scoping applies: a regulator sees every firm). {@code
     * findingEntity} has firmId, rule, detectedOn, resolvedOn; each of {@code filedEntities} has firmId.
     */
    public static FindingStatistics of(
            EntityManager em, String findingEntity, List<String> filedEntities, LocalDate asOf) {
        TreeSet<String> firms = new TreeSet<>();
        for (String entity : filedEntities) {
            firms.addAll(em.createQuery("select distinct e.firmId from " + entity + " e", String.class)
                    .getResultList());
        }
        Map<String, Long> open = new TreeMap<>();
        for (Object[] row : em.createQuery(
                        "select f.rule, count(f) from " + findingEntity + " f where f.detectedOn <= :asOf"
                                + " and (f.resolvedOn is null or f.resolvedOn > :asOf) group by f.rule",
                        Object[].class)
                .setParameter("asOf", asOf)
                .getResultList()) {
            open.put((String) row[0], ((Number) row[1]).longValue());
        }
        return new FindingStatistics(asOf, List.copyOf(firms), open);
    }
}
