package io.guoziyun.listing;

import io.guoziyun.commons.testing.MixedRolesCheck;
import io.guoziyun.commons.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(FakeFindingServices.class)
class MixedRolesTest {

    @Test
    void aTokenWithAFirmRoleAndARegulatorRoleIsRefusedEverywhere() {
        MixedRolesCheck.refusedEverywhere(
                "/api/v1/listing-applications",
                Applications.filing("US", 2_000_000, "E_COMMERCE"),
                "/api/v1/listing-applications",
                "/api/v1/listing-applications/queue",
                "/api/v1/calendar/working-days/2024-10-08",
                "/api/v1/listing-audit");
    }
}
