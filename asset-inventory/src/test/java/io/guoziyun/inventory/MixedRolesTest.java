package io.guoziyun.inventory;

import io.guoziyun.commons.testing.MixedRolesCheck;
import io.guoziyun.commons.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestOidc.class)
class MixedRolesTest {

    @Test
    void aTokenWithAFirmRoleAndARegulatorRoleIsRefusedEverywhere() {
        MixedRolesCheck.refusedEverywhere(
                "/api/v1/servers",
                Estate.server("M-1", null, "LEASE", "2020-01-01"),
                "/api/v1/servers",
                "/api/v1/sites",
                "/api/v1/inventory-findings",
                "/api/v1/inventory-summary");
    }
}
