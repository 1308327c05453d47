package io.guoziyun.seeder;

import io.guoziyun.client.listing.ApiClient;
import io.guoziyun.client.listing.ApiException;
import io.guoziyun.client.listing.api.DocumentsApi;
import io.guoziyun.client.listing.api.ListingApplicationsApi;
import io.guoziyun.client.listing.api.ReviewWorkflowApi;
import io.guoziyun.client.listing.model.DecisionProposal;
import io.guoziyun.client.listing.model.Determination;
import io.guoziyun.client.listing.model.DocumentKind;
import io.guoziyun.client.listing.model.ListingApplicationFiling;
import io.guoziyun.client.listing.model.ListingType;
import io.guoziyun.client.listing.model.Outcome;
import io.guoziyun.client.listing.model.StepReason;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The demo listing applications (listings.csv), each taken to its stage by the firm and two regulators. */
final class DemoListings {

    private final Gateway gateway;
    private final Keycloak keycloak;
    private final Tally tally;

    DemoListings(Gateway gateway, Keycloak keycloak, Tally tally) {
        this.gateway = gateway;
        this.keycloak = keycloak;
        this.tally = tally;
    }

    void load(Path file) throws Exception {
        load(Rows.of(file));
    }

    /** Rows in the columns of listings.csv. */
    void load(List<Map<String, String>> rows) throws Exception {
        ReviewWorkflowApi regulator1 = new ReviewWorkflowApi(gateway.listing(keycloak.person("regulator1")));
        ReviewWorkflowApi regulator2 = new ReviewWorkflowApi(gateway.listing(keycloak.person("regulator2")));
        for (Map<String, String> row : rows) {
            ApiClient firm = gateway.listing(keycloak.firm(row.get("clientId")));
            ListingApplicationsApi applications = new ListingApplicationsApi(firm);
            String key = row.get("key");
            String stage = row.get("stage");
            long users = Long.parseLong(row.get("usersWithPersonalInfo"));
            if (filed(applications, row.get("exchange"), users)) {
                tally.add("listing applications (already there)");
                continue;
            }
            UUID id = applications
                    .createListingApplication(
                            new ListingApplicationFiling()
                                    .exchange(row.get("exchange"))
                                    .exchangeCountry(row.get("exchangeCountry"))
                                    .listingType(ListingType.fromValue(row.get("listingType")))
                                    .usersWithPersonalInfo(users)
                                    .sector(row.get("sector"))
                                    .holdsCoreOrImportantData(Boolean.valueOf(row.get("holdsCoreOrImportantData")))
                                    .plannedListingOn(Rows.date(row.get("plannedListingOn"))),
                            "demo-listing-" + key)
                    .getId();
            tally.add("listing applications: " + stage);
            if (!stage.equals("DRAFT")) {
                upload(new DocumentsApi(firm), id, key);
                take(new ReviewWorkflowApi(firm), regulator1, regulator2, id, key, stage);
            }
        }
    }

    /** Whether the firm has filed this row already: every page, as a firm may have hundreds of applications. */
    private static boolean filed(ListingApplicationsApi applications, String exchange, long users) throws ApiException {
        String cursor = null;
        while (true) {
            var page = applications.listListingApplications(null, null, cursor, null, null, 200, null, null);
            var items = page.getItems();
            if (items.stream()
                    .anyMatch(a -> exchange.equals(a.getExchange())
                            && a.getUsersWithPersonalInfo() != null
                            && a.getUsersWithPersonalInfo() == users)) {
                return true;
            }
            cursor = page.getNextCursor();
            if (cursor == null) {
                return false;
            }
        }
    }

    private static void upload(DocumentsApi documents, UUID id, String key) throws Exception {
        for (DocumentKind kind : DocumentKind.values()) {
            File pdf = Files.createTempFile("demo-", ".pdf").toFile();
            try {
                Files.writeString(pdf.toPath(), "%PDF-1.7\n% demo " + kind + " of " + key + "\n%%EOF\n");
                String name = kind.getValue().toLowerCase(Locale.ROOT) + ".pdf";
                documents.uploadDocument(id, kind, pdf, name, "demo-doc-" + key + "-" + kind);
            } finally {
                Files.deleteIfExists(pdf.toPath());
            }
        }
    }

    /** From DRAFT to the row's stage, each step with its own Idempotency-Key. */
    private static void take(
            ReviewWorkflowApi firm,
            ReviewWorkflowApi regulator1,
            ReviewWorkflowApi regulator2,
            UUID id,
            String key,
            String stage)
            throws ApiException {
        String k = "demo-" + key + "-";
        firm.submitListingApplication(id, k + "submission", null);
        switch (stage) {
            case "SUBMITTED" -> {}
            case "WITHDRAWN" ->
                firm.withdrawListingApplication(id, reason("Listing postponed by the board"), k + "withdrawal", null);
            case "REVIEW_NOT_REQUIRED" -> {
                // LA-3 proposes a review (a water utility); "not required" departs from it, so it says why, and
                // as a final outcome it is a proposal that a second regulator confirms.
                regulator1.determineReviewRequired(
                        id,
                        new Determination()
                                .reviewRequired(false)
                                .reason("Hong Kong listing below the threshold")
                                .departureReason("The listing vehicle holds no data of the water network"),
                        k + "determination",
                        null);
                regulator2.confirmDecision(id, reason("Agree: no review needed"), k + "decision-confirmation", null);
            }
            default -> {
                regulator1.determineReviewRequired(
                        id,
                        new Determination()
                                .reviewRequired(true)
                                .reason("LA-1: more than a million users, listing abroad"),
                        k + "determination",
                        null);
                review(regulator1, regulator2, id, k, stage);
            }
        }
    }

    private static void review(
            ReviewWorkflowApi regulator1, ReviewWorkflowApi regulator2, UUID id, String k, String stage)
            throws ApiException {
        switch (stage) {
            case "INITIAL_REVIEW" -> {}
            case "SUPPLEMENT_REQUESTED" ->
                regulator1.requestSupplement(
                        id, reason("Data export assessment of the patient records"), k + "supplement-request", null);
            case "SPECIAL_REVIEW" ->
                regulator2.openSpecialReview(
                        id, reason("Member units disagree on the grid data"), k + "special-review", null);
            case "CLEARED", "GATE_REFUSED" -> {
                regulator1.proposeDecision(
                        id,
                        new DecisionProposal().outcome(Outcome.CLEARED).reasons("No effect on national security found"),
                        k + "decision-proposal",
                        null);
                boolean refused = false;
                try {
                    regulator2.confirmDecision(id, reason("Agree"), k + "confirmation", null);
                } catch (ApiException e) {
                    refused = e.getCode() == 409;
                    if (!refused || stage.equals("CLEARED")) {
                        throw e;
                    }
                }
                if (stage.equals("GATE_REFUSED") && !refused) {
                    throw new IllegalStateException("the gate was to refuse " + id + ": its firm has open findings");
                }
            }
            case "PROHIBITED" -> {
                regulator1.proposeDecision(
                        id,
                        new DecisionProposal().outcome(Outcome.PROHIBITED).reasons("Core data of the defence industry"),
                        k + "decision-proposal",
                        null);
                regulator2.confirmDecision(id, reason("Agree"), k + "decision-confirmation", null);
            }
            default -> throw new IllegalStateException("unknown stage " + stage);
        }
    }

    private static StepReason reason(String text) {
        return new StepReason().reason(text);
    }
}
