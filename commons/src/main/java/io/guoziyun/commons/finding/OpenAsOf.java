package io.guoziyun.commons.finding;

import java.time.LocalDate;

/**
 * "Open as of D", written once: a finding is open on D when it was detected on or before D and not resolved by
 * then; it is resolved on D when its resolution date is on or before D. The same test in HQL, SQL and Java.
 */
public final class OpenAsOf {

    /** HQL on a finding entity, with the parameter {@code :asOf}. */
    public static final String HQL = "detectedOn <= :asOf and (resolvedOn is null or resolvedOn > :asOf)";
    /** HQL: detected by {@code :asOf} and resolved by then. */
    public static final String RESOLVED_HQL = "detectedOn <= :asOf and resolvedOn <= :asOf";
    /** SQL on a findings table, with the parameter {@code :asOf}. */
    public static final String SQL = "detected_on <= :asOf AND (resolved_on IS NULL OR resolved_on > :asOf)";

    private OpenAsOf() {}

    /** {@link #HQL} on the entity alias {@code alias}, e.g. {@code f.detectedOn <= :asOf and …}. */
    public static String hql(String alias) {
        return alias + ".detectedOn <= :asOf and (" + alias + ".resolvedOn is null or " + alias
                + ".resolvedOn > :asOf)";
    }

    public static boolean isOpen(LocalDate detectedOn, LocalDate resolvedOn, LocalDate asOf) {
        return !detectedOn.isAfter(asOf) && !isResolved(resolvedOn, asOf);
    }

    public static boolean isResolved(LocalDate resolvedOn, LocalDate asOf) {
        return resolvedOn != null && !resolvedOn.isAfter(asOf);
    }
}
