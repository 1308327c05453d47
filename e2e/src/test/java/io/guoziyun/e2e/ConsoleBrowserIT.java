package io.guoziyun.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The regulator console in real (headless) Chromium sessions, signed in at Keycloak: a regulator who has never seen
 * the API finds the firms overdue on 2022-10-01, opens one and sees why; two regulators clear an application
 * together; a firm's login is refused. Each page is kept as target/console-*.png.
 */
class ConsoleBrowserIT {

    static final String GATEWAY = WalkingSkeletonIT.GATEWAY;
    static final String CONSOLE = GATEWAY + "/console";
    static final String DAY = "2022-10-01";

    @Test
    void aRegulatorFindsTheFirmsOverdueOnADayOpensOneAndSeesWhy() throws Exception {
        String token = Keycloak.person("regulator1");
        try (Browser regulator = new Browser()) {
            regulator.driver.get(CONSOLE + "/dashboard?asOf=" + DAY);
            regulator.signIn("regulator1", "demo-regulator1");
            regulator.wait.until(ExpectedConditions.attributeToBe(By.id("chart"), "data-drawn", "4"));
            assertEquals(
                    "regulator1", regulator.driver.findElement(By.id("user")).getText());
            assertFalse(
                    regulator
                            .driver
                            .findElements(By.cssSelector("#chart canvas"))
                            .isEmpty(),
                    "a chart is drawn");
            assertTrue(regulator.screenshot("console-dashboard") > 20_000);

            // The chart's data is the API's, month by month.
            @SuppressWarnings("unchecked")
            Map<String, Object> chart = (Map<String, Object>) ((JavascriptExecutor) regulator.driver)
                    .executeScript("return JSON.parse(document.getElementById('chart-data').textContent);");
            List<Map<String, Object>> running = api(token, "/api/v1/contract-findings/third-party-contracts");
            List<Map<String, Object>> contracts = api(token, "/api/v1/contract-findings/monthly");
            List<Map<String, Object>> inventory = api(token, "/api/v1/inventory-findings/monthly");
            assertEquals(running.stream().map(m -> m.get("month")).toList(), chart.get("months"));
            assertEquals(15, running.size()); // 2021-08 .. 2022-10
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> series = (List<Map<String, Object>>) chart.get("series");
            assertEquals(
                    counts(running, "thirdPartyContracts"), longs(series.get(0).get("values")));
            assertEquals(counts(contracts, "CR-3"), longs(series.get(1).get("values")));
            assertEquals(counts(inventory, "AI-1"), longs(series.get(2).get("values")));
            assertEquals(counts(inventory, "AI-2"), longs(series.get(3).get("values")));

            // The overdue firms, as /contract-findings/overdue-firms answers for that day.
            regulator.driver.findElement(By.linkText("Overdue firms")).click();
            regulator.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("overdue")));
            List<Map<String, Object>> overdue = api(token, "/api/v1/contract-findings/overdue-firms");
            assertFalse(overdue.isEmpty(), "the demo world has firms overdue on " + DAY);
            List<String> shown = new ArrayList<>();
            for (WebElement row : regulator.driver.findElements(By.cssSelector("#overdue tbody tr"))) {
                List<WebElement> cells = row.findElements(By.tagName("td"));
                shown.add(cells.get(0).getText() + " " + cells.get(1).getText() + " "
                        + cells.get(2).getText() + " " + cells.get(3).getText());
            }
            assertEquals(
                    overdue.stream()
                            .map(f -> f.get("firmId") + " " + f.get("overdueContracts") + " " + f.get("maxDaysOverdue")
                                    + " " + String.join(", ", (List<String>) f.get("providers")))
                            .toList(),
                    shown);
            assertTrue(regulator.screenshot("console-overdue") > 20_000);
            String csv = given().cookies(cookies(regulator))
                    .redirects()
                    .follow(false)
                    .when()
                    .get(CONSOLE + "/overdue/csv?asOf=" + DAY)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertEquals(overdue.size() + 1, csv.strip().split("\r\n").length, csv);

            // One firm: its overdue contract (CR-3) and why, with the contract and its deadline.
            String firmId = (String) overdue.get(0).get("firmId");
            regulator.driver.findElement(By.linkText(firmId)).click();
            regulator.wait.until(ExpectedConditions.textToBe(By.id("firm-id"), firmId));
            String findings = regulator.driver.findElement(By.id("findings")).getText();
            assertTrue(findings.contains("CR-3") && findings.contains("not migrated or terminated"), findings);
            assertTrue(findings.contains(String.valueOf(overdue.get(0).get("maxDaysOverdue"))), findings);
            assertFalse(regulator
                    .driver
                    .findElements(By.cssSelector("#contracts tbody tr"))
                    .isEmpty());
            assertTrue(regulator.driver.findElement(By.id("audit")).getText().contains("contract.registered"));
            assertTrue(regulator.screenshot("console-firm") > 20_000);
        }
    }

    @Test
    void twoRegulatorsClearAnApplicationTogether() throws Exception {
        String id = submittedApplication();
        try (Browser first = new Browser();
                Browser second = new Browser()) {
            first.driver.get(CONSOLE + "/queue");
            first.signIn("regulator1", "demo-regulator1");
            first.wait
                    .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#queue tr[data-id='" + id + "'] a")))
                    .click();
            step(first, "determination", "LA-1: more than a million users, listing abroad", "true");
            step(first, "decision-proposal", "No effect on national security found", "CLEARED");
            assertTrue(first.driver.findElement(By.id("decision")).getText().contains("awaiting a second regulator"));
            assertTrue(first.screenshot("console-application-proposed") > 20_000);

            // The proposer cannot confirm: the service refuses, and the page says why in words.
            step(first, "decision-confirmation", "I agree with myself", null);
            String refused = first.wait
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("refused")))
                    .getText();
            assertTrue(refused.contains("Four eyes") && !refused.contains("{"), refused);
            assertEquals(
                    "INITIAL_REVIEW", first.driver.findElement(By.id("stage")).getText());

            second.driver.get(CONSOLE + "/applications/" + id);
            second.signIn("regulator2", "demo-regulator2");
            second.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-decision-confirmation")));
            step(second, "decision-confirmation", "Agree: no blocking finding", null);
            assertEquals("CLEARED", second.driver.findElement(By.id("stage")).getText());
            String decision = second.driver.findElement(By.id("decision")).getText();
            assertTrue(
                    decision.contains("proposed by regulator1") && decision.contains("confirmed by regulator2"),
                    decision);
            assertTrue(second.screenshot("console-application-cleared") > 20_000);

            // A document, downloaded through the console, is the one whose SHA-256 the page shows.
            WebElement document = second.driver.findElement(By.cssSelector("#documents tbody tr"));
            String href = document.findElement(By.tagName("a")).getAttribute("href");
            byte[] content = given().cookies(cookies(second))
                    .when()
                    .get(href)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asByteArray();
            String sha256 = java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(content));
            assertEquals(document.findElement(By.className("hash")).getText().replace("\n", ""), sha256);
        }
        given().auth()
                .oauth2(Keycloak.person("auditor1"))
                .when()
                .get(GATEWAY + "/api/v1/listing-applications/" + id)
                .then()
                .statusCode(200)
                .body("stage", org.hamcrest.Matchers.equalTo("CLEARED"))
                .body("decision.confirmedBy", org.hamcrest.Matchers.equalTo("regulator2"));
    }

    @Test
    void aFirmsLoginIsRefused() throws Exception {
        try (Browser firm = new Browser()) {
            firm.driver.get(CONSOLE + "/dashboard");
            firm.signIn("firm-a-staff", "demo-firm-a-staff");
            String refusal = firm.wait
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("forbidden")))
                    .getText();
            assertTrue(refusal.contains("for regulators and auditors"), refusal);
            assertTrue(firm.screenshot("console-firm-refused") > 5_000);
            assertEquals(
                    403,
                    given().cookies(cookies(firm))
                            .redirects()
                            .follow(false)
                            .get(CONSOLE + "/overdue?asOf=" + DAY)
                            .statusCode());
        }
    }

    @Test
    void withoutAValidSessionTheConsoleSendsToTheLogin() throws Exception {
        toLogin(Map.of());
        toLogin(Map.of("q_session", "forged"));
        try (Browser regulator = new Browser()) {
            regulator.driver.get(CONSOLE + "/queue");
            regulator.signIn("regulator1", "demo-regulator1");
            regulator.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("queue")));
            Map<String, String> session = cookies(regulator);
            var cookie = regulator.driver.manage().getCookies().stream()
                    .filter(c -> c.getName().startsWith("q_session"))
                    .findFirst()
                    .orElseThrow();
            assertTrue(cookie.isHttpOnly(), "the session cookie is HttpOnly");
            assertEquals("Lax", cookie.getSameSite());
            assertEquals("/console", cookie.getPath());
            assertEquals(
                    200,
                    given().cookies(session)
                            .redirects()
                            .follow(false)
                            .get(CONSOLE + "/queue")
                            .statusCode());

            // The same session with one character changed is not the console's.
            Map<String, String> altered = new java.util.HashMap<>(session);
            String value = altered.get(cookie.getName());
            int at = value.length() / 2;
            altered.put(
                    cookie.getName(),
                    value.substring(0, at) + (value.charAt(at) == 'A' ? 'B' : 'A') + value.substring(at + 1));
            toLogin(altered);

            // Signed out (here, so at Keycloak too): the cookie a browser might still hold is refused.
            regulator.driver.findElement(By.linkText("Sign out")).click();
            regulator.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "signed out"));
            toLogin(session);
        }
    }

    /** The console answers with the way to Keycloak's login (code flow, PKCE S256), not with a page. */
    private static void toLogin(Map<String, String> cookies) {
        var answer = given().cookies(cookies).redirects().follow(false).get(CONSOLE + "/overdue?asOf=" + DAY);
        assertEquals(302, answer.statusCode(), "with cookies " + cookies.keySet());
        String location = answer.header("Location");
        assertTrue(location.startsWith(Keycloak.URL + "/realms/guoziyun/protocol/openid-connect/auth?"), location);
        assertTrue(location.contains("client_id=console") && location.contains("code_challenge_method=S256"), location);
    }

    /** Fills and sends one step's form on the application page, then waits for the page it leads to. */
    private static void step(Browser browser, String step, String reason, String choice) {
        WebElement form = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-" + step)));
        if (choice != null) {
            new Select(form.findElement(By.tagName("select"))).selectByValue(choice);
        }
        form.findElement(By.name("reason")).sendKeys(reason);
        form.findElement(By.id("submit-" + step)).click();
        browser.wait.until(ExpectedConditions.stalenessOf(form));
    }

    static Map<String, String> cookies(Browser browser) {
        Map<String, String> cookies = new java.util.HashMap<>();
        browser.driver.manage().getCookies().forEach(c -> cookies.put(c.getName(), c.getValue()));
        return cookies;
    }

    private static List<Map<String, Object>> api(String token, String path) {
        return given().auth()
                .oauth2(token)
                .when()
                .get(GATEWAY + path + "?asOf=" + DAY)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    @SuppressWarnings("unchecked")
    private static List<Long> counts(List<Map<String, Object>> months, String key) {
        return months.stream()
                .map(m -> ((Number) ((Map<String, Object>) m.get("counts")).get(key)).longValue())
                .toList();
    }

    private static List<Long> longs(Object values) {
        return ((List<?>) values).stream().map(v -> ((Number) v).longValue()).toList();
    }

    /** An application of a firm with nothing blocking, submitted and waiting for the regulator. */
    private static String submittedApplication() {
        return Applications.submitted(Keycloak.machine(CLEAN_FIRM), """
                {"exchange": "NASDAQ", "exchangeCountry": "US", "listingType": "IPO",
                 "usersWithPersonalInfo": 1500000, "sector": "RETAIL", "holdsCoreOrImportantData": false}
                """);
    }

    /** A demo firm whose record has no blocking finding (seeds/demo), kept for this test. */
    static final String CLEAN_FIRM = "demo-firm-k";
}
