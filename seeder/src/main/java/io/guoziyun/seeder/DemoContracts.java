package io.guoziyun.seeder;

import io.guoziyun.client.contracts.ApiException;
import io.guoziyun.client.contracts.api.ContractsApi;
import io.guoziyun.client.contracts.api.MigrationPlansApi;
import io.guoziyun.client.contracts.model.Contract;
import io.guoziyun.client.contracts.model.ContractFiling;
import io.guoziyun.client.contracts.model.DataSensitivity;
import io.guoziyun.client.contracts.model.MigrationCompletion;
import io.guoziyun.client.contracts.model.MigrationPlanFiling;
import io.guoziyun.client.contracts.model.RenewalFiling;
import io.guoziyun.client.contracts.model.RenewalKind;
import io.guoziyun.client.contracts.model.ServiceType;
import io.guoziyun.client.contracts.model.Termination;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The demo firms' contracts, renewals, migration plans, completions and terminations (contracts.csv). */
final class DemoContracts {

    private final Gateway gateway;
    private final Keycloak keycloak;
    private final Tally tally;

    DemoContracts(Gateway gateway, Keycloak keycloak, Tally tally) {
        this.gateway = gateway;
        this.keycloak = keycloak;
        this.tally = tally;
    }

    void load(Path file) throws Exception {
        load(Rows.of(file));
    }

    /** Rows in the columns of contracts.csv. */
    void load(List<Map<String, String>> rows) throws Exception {
        for (Map<String, String> row : rows) {
            var client = gateway.contracts(keycloak.firm(row.get("clientId")));
            ContractsApi contracts = new ContractsApi(client);
            MigrationPlansApi plans = new MigrationPlansApi(client);
            String reference = row.get("reference");
            UUID id = register(contracts, reference, row);
            if (!row.get("renewedOn").isEmpty()) {
                allowConflict(() -> contracts.renewContract(
                        id,
                        new RenewalFiling()
                                .renewedOn(Rows.date(row.get("renewedOn")))
                                .newEndsOn(Rows.date(row.get("renewedTo")))
                                .kind(RenewalKind.RENEWAL),
                        "demo-renewal-" + reference));
            }
            if (!row.get("plannedCompletionOn").isEmpty() && !hasPlan(plans, id)) {
                allowConflict(() -> plans.fileMigrationPlan(
                        id,
                        new MigrationPlanFiling()
                                .targetProvider("guoziyun")
                                .plannedCompletionOn(Rows.date(row.get("plannedCompletionOn"))),
                        null));
            }
            if (!row.get("completedOn").isEmpty()) {
                allowConflict(() -> plans.completeMigration(
                        id,
                        new MigrationCompletion()
                                .completedOn(Rows.date(row.get("completedOn")))
                                // The demo's dates are years back: the proof is required (ADR 0007).
                                .evidence("Migration acceptance report " + reference),
                        "demo-completion-" + reference));
            }
            if (!row.get("terminatedOn").isEmpty()) {
                allowConflict(() -> contracts.terminateContract(
                        id,
                        new Termination()
                                .terminatedOn(Rows.date(row.get("terminatedOn")))
                                .reason("Data moved to Guoziyun")
                                .evidence("Termination notice " + reference),
                        "demo-termination-" + reference,
                        null));
            }
        }
    }

    private UUID register(ContractsApi contracts, String reference, Map<String, String> row) throws ApiException {
        ContractFiling filing = new ContractFiling()
                .reference(reference)
                .provider(row.get("provider"))
                .serviceType(ServiceType.fromValue(row.get("serviceType")))
                .signedOn(Rows.date(row.get("signedOn")))
                .startsOn(Rows.date(row.get("startsOn")))
                .endsOn(Rows.date(row.get("endsOn")))
                .dataStored(true)
                .dataLocation("CN-TJ")
                .dataSensitivity(DataSensitivity.fromValue(row.get("dataSensitivity")));
        try {
            var created = contracts.registerContractWithHttpInfo(filing, "demo-contract-" + reference);
            tally.add(
                    created.getHeaders().containsKey("idempotent-replayed")
                            ? "contracts (already there)"
                            : "contracts");
            return created.getData().getId();
        } catch (ApiException e) {
            if (e.getCode() != 409) {
                throw e;
            }
            tally.add("contracts (already there)");
            String cursor = null;
            do {
                var page = contracts.listContracts(null, null, cursor, null, null, null, 200, null, null);
                var found = page.getItems().stream()
                        .filter(c -> reference.equals(c.getReference()))
                        .map(Contract::getId)
                        .findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
                cursor = page.getNextCursor();
            } while (cursor != null);
            throw new IllegalStateException("contract " + reference + " neither new nor found");
        }
    }

    private static boolean hasPlan(MigrationPlansApi plans, UUID contract) throws ApiException {
        try {
            plans.getMigrationPlan(contract);
            return true;
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    interface Call {
        void run() throws ApiException;
    }

    /** A step already taken (the contract ended, the key used) answers 409: a second run changes nothing. */
    static void allowConflict(Call call) throws ApiException {
        try {
            call.run();
        } catch (ApiException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
    }
}
