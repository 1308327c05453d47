package io.guoziyun.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guoziyun.client.contracts.ApiClient;
import io.guoziyun.client.contracts.ApiException;
import io.guoziyun.client.contracts.api.ContractFindingsApi;
import io.guoziyun.client.contracts.api.ContractsApi;
import io.guoziyun.client.contracts.model.Contract;
import io.guoziyun.client.contracts.model.ContractFiling;
import io.guoziyun.client.contracts.model.DataSensitivity;
import io.guoziyun.client.contracts.model.Finding;
import io.guoziyun.client.contracts.model.FindingStatus;
import io.guoziyun.client.contracts.model.ServiceType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A firm's integration as the client README shows it: the Java client generated from the published documents,
 * as generated, files a contract through the gateway with a real token and reads the finding it raised — every
 * typed field arriving, the inputs included.
 */
class GeneratedClientIT {

    @Test
    void aFirmFilesAContractAndReadsItsFindingsWithTheGeneratedClient() throws ApiException {
        ApiClient client = new ApiClient();
        client.setBasePath(WalkingSkeletonIT.GATEWAY);
        client.setBearerToken(Keycloak.machine("demo-firm-e"));

        String reference = "CLIENT-" + UUID.randomUUID().toString().substring(0, 8);
        Contract contract = new ContractsApi(client)
                .registerContract(
                        new ContractFiling()
                                .reference(reference)
                                .provider("tencent-cloud")
                                .serviceType(ServiceType.SAAS)
                                .signedOn(LocalDate.of(2021, 9, 1))
                                .startsOn(LocalDate.of(2021, 9, 1))
                                .endsOn(LocalDate.of(2022, 6, 30))
                                .dataStored(true)
                                .dataLocation("CN-TJ")
                                .dataSensitivity(DataSensitivity.HIGH),
                        "client-it-" + reference);
        assertEquals(reference, contract.getReference());
        assertEquals(LocalDate.of(2022, 8, 30), contract.getMigrationDeadline());

        List<Finding> findings = new ContractFindingsApi(client)
                .listContractFindings(
                        LocalDate.of(2022, 10, 1),
                        null,
                        null,
                        null,
                        null,
                        "CR-1",
                        null,
                        50,
                        null,
                        FindingStatus.OPEN,
                        contract.getId())
                .getItems();
        assertEquals(1, findings.size());
        Finding cr1 = findings.get(0);
        assertEquals("CR-1", cr1.getRule());
        assertEquals(contract.getId(), cr1.getSubjectId());
        assertEquals(LocalDate.of(2021, 9, 1), cr1.getDetectedOn());
        assertEquals("2021-09-01", cr1.getInputs().get("signedOn"), "the facts arrive, typed, not as empty objects");
        assertTrue(cr1.getTitle().startsWith("Third-party cloud contract signed"));
    }
}
