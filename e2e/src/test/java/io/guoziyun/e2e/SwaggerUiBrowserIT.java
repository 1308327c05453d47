package io.guoziyun.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A regulator in a real (headless) Chromium: opens the gateway's Swagger UI, picks listing-approval, clicks
 * Authorize, logs in on Keycloak's own login page, and runs the queue with "Try it out" through the gateway.
 * The page is kept as target/swagger-ui-queue.png.
 */
class SwaggerUiBrowserIT {

    static final String GATEWAY = WalkingSkeletonIT.GATEWAY;

    private Browser session;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        session = new Browser();
        browser = session.driver;
        wait = session.wait;
    }

    @AfterEach
    void closeBrowser() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void aRegulatorLogsInThroughKeycloakAndRunsTheQueue() throws Exception {
        submittedApplication();

        browser.get(GATEWAY + "/q/swagger-ui/");
        Select definitions = new Select(wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".topbar select, .download-url-wrapper select"))));
        definitions.selectByVisibleText("listing-approval");
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".info .title"), "listing-approval"));

        // Authorize: Swagger UI opens Keycloak's own login page in a second window (code flow with PKCE).
        String main = browser.getWindowHandle();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".auth-wrapper .authorize")))
                .click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-ux")));
        for (WebElement scope : dialog.findElements(By.cssSelector("input[type=checkbox]"))) {
            if (!scope.isSelected()) {
                ((JavascriptExecutor) browser).executeScript("arguments[0].click();", scope);
            }
        }
        dialog.findElement(By.cssSelector(".auth-btn-wrapper .authorize")).click();
        wait.until(driver -> driver.getWindowHandles().size() > 1);
        Set<String> windows = browser.getWindowHandles();
        windows.remove(main);
        browser.switchTo().window(windows.iterator().next());
        session.signIn("regulator1", "demo-regulator1");
        wait.until(driver -> driver.getWindowHandles().size() == 1);
        browser.switchTo().window(main);
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector(".modal-ux .auth-btn-wrapper .btn-done")))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".auth-wrapper .authorize.locked")));
        // The dialog's backdrop fades out after it closes; until then it takes every click on the page.
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".backdrop-ux")));

        // The queue, through the gateway, with the regulator's token.
        WebElement queue = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[contains(@class,'opblock-summary-path') and normalize-space(@data-path)="
                        + "'/api/v1/listing-applications/queue']")));
        queue.click();
        WebElement operation = queue.findElement(
                By.xpath("ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' opblock ')][1]"));
        clickWhenReady(operation, ".try-out__btn");
        clickWhenReady(operation, ".execute");
        WebElement status = wait.until(driver ->
                operation.findElements(By.cssSelector(".live-responses-table .response .response-col_status")).stream()
                        .findFirst()
                        .orElse(null));
        String body = wait.until(driver ->
                        operation
                                .findElements(By.cssSelector(".live-responses-table .response-col_description pre"))
                                .stream()
                                .findFirst()
                                .orElse(null))
                .getText();
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", status);
        Path shot = Path.of("target", "swagger-ui-queue.png");
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertEquals("200", status.getText().trim(), "the queue answered through the gateway");
        assertTrue(body.contains("\"accessionNumber\""), "the queue lists applications: " + body);
        assertTrue(Files.size(shot) > 10_000, "a screenshot of the page is kept");
        Files.writeString(Path.of("target", "swagger-ui-queue.txt"), body, StandardCharsets.UTF_8);
    }

    private void clickWhenReady(WebElement within, String css) {
        wait.until(driver -> {
                    var found = within.findElements(By.cssSelector(css));
                    return !found.isEmpty()
                                    && found.get(0).isDisplayed()
                                    && found.get(0).isEnabled()
                            ? found.get(0)
                            : null;
                })
                .click();
    }

    /** An application waiting for the regulator, so the queue has something to show. */
    private static void submittedApplication() {
        Applications.submitted(Keycloak.machine("demo-firm-b"), """
                {"exchange": "LSE", "exchangeCountry": "GB", "listingType": "SECONDARY",
                 "usersWithPersonalInfo": 1200000, "sector": "FINANCE", "holdsCoreOrImportantData": true}
                """);
    }
}
