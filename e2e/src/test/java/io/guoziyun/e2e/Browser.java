package io.guoziyun.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium of its own (a fresh profile: no cookies shared with another), driven through Debian's
 * chromedriver; nothing is downloaded at run time. Screenshots go under target/.
 */
final class Browser implements AutoCloseable {

    final WebDriver driver;
    final WebDriverWait wait;

    Browser() throws Exception {
        System.setProperty("SE_OFFLINE", "true");
        Path target = Path.of("target").toAbsolutePath();
        Path profile = Files.createTempDirectory(Files.createDirectories(target), "chromium-");
        ChromeOptions options = new ChromeOptions()
                .setBinary(System.getenv().getOrDefault("SUITE_CHROMIUM", "/usr/bin/chromium"))
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--window-size=1400,1800",
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(
                        new File(System.getenv().getOrDefault("SUITE_CHROMEDRIVER", "/usr/bin/chromedriver")))
                .withEnvironment(java.util.Map.of("HOME", profile.toString()))
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Keycloak's own login page: the user's name and password, then back where the browser was sent from. */
    void signIn(String username, String password) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                .sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
    }

    /** The page as it is now, kept as target/NAME.png; its size, to tell a real picture from an empty one. */
    long screenshot(String name) throws Exception {
        Path shot = Path.of("target", name + ".png");
        Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return Files.size(shot);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
