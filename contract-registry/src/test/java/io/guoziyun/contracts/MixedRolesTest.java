package io.guoziyun.contracts;

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
                "/api/v1/contracts",
                Filings.contract(Filings.reference(), "alibaba-cloud", "2022-01-10", null),
                "/api/v1/contracts",
                "/api/v1/providers",
                "/api/v1/contract-findings",
                "/api/v1/contract-audit");
    }
}
