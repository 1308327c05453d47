package io.guoziyun.commons.firm;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.RequestScoped;

/**
 * Firm scoping in one place: Hibernate's discriminator multi-tenancy filters every query on a {@code @TenantId}
 * column by the calling firm's USCC, and drops the filter for regulators and auditors. Another firm's record is
 * therefore simply not found (404), without a single hand-written {@code WHERE firm_id = ?}.
 */
@PersistenceUnitExtension
@RequestScoped
public class FirmTenantResolver implements TenantResolver {

    /** Tenant of regulators and auditors: sees every firm. Not a USCC, so it can never collide with a firm. */
    public static final String ALL_FIRMS = "*all-firms*";
    /** Tenant of a caller who is neither firm nor oversight: matches no row. */
    public static final String NO_FIRM = "*no-firm*";

    private final Caller caller;

    public FirmTenantResolver(Caller caller) {
        this.caller = caller;
    }

    @Override
    public String getDefaultTenantId() {
        return NO_FIRM;
    }

    @Override
    public String resolveTenantId() {
        if (caller.seesAllFirms()) {
            return ALL_FIRMS;
        }
        return caller.firmId().orElse(NO_FIRM);
    }

    @Override
    public boolean isRoot(String tenantId) {
        return ALL_FIRMS.equals(tenantId);
    }
}
