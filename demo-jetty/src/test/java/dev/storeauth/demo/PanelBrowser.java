package dev.storeauth.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium on a running demo's control panel, for the browser tests: Debian's
 * {@code chromium} and {@code chromium-driver}. Without them a test is skipped, unless
 * {@code REQUIRE_BROWSER=1}, which makes it a failure. Screenshots go to
 * {@code -Dstoreauth.screenshots} (default {@code target/screenshots}).
 */
final class PanelBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final DemoFixture demo;

    private PanelBrowser(DemoFixture demo, ChromeDriver driver) {
        this.demo = demo;
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    /** Fails if {@code REQUIRE_BROWSER=1} and Chromium is missing; else skips the test class without it. */
    static void requireOrSkip() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "1".equals(System.getenv("REQUIRE_BROWSER"))) {
            throw new AssertionError("REQUIRE_BROWSER=1 but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(present, "skipped: no " + CHROMIUM + " / " + CHROMEDRIVER
                + " (apt-get install chromium chromium-driver; REQUIRE_BROWSER=1 makes this a failure)");
    }

    /** A browser on {@code demo} saving downloads to {@code downloads}. */
    static PanelBrowser start(DemoFixture demo, Path downloads) {
        return new PanelBrowser(demo, new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options(downloads)));
    }

    private static ChromeOptions options(Path downloads) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,900", "--lang=en-US");
        options.setAcceptInsecureCerts(true);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "intl.accept_languages", "en-US"));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        return options;
    }

    /** Signs in through the sign-in page, from a fresh cookie jar, and waits for the first page. */
    void signIn(String email, String password) {
        driver.manage().deleteAllCookies();
        driver.get(demo.https("/manage/").toString());
        wait.until(ExpectedConditions.urlContains("/manage/login"));
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        click("sign-in");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("who")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), email));
    }

    /** Opens control-panel page {@code path}, e.g. {@code /manage/activity}, and waits for its top bar. */
    void open(String path) {
        driver.get(demo.https(path).toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("who")));
    }

    void click(String id) {
        click(By.id(id));
    }

    void click(By locator) {
        wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
    }

    String visibleText(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
    }

    void assertNoConsoleErrors() {
        assertNoConsoleErrorsBut(List.of());
    }

    /**
     * No console errors since the last check but the network errors Chromium logs for answers with
     * one of {@code statuses}, which the test provoked (each has its own check of what the page shows).
     */
    void assertNoConsoleErrorsBut(List<Integer> statuses) {
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
                .filter(message -> statuses.stream().noneMatch(s -> message.contains("with a status of " + s)))
                .toList();
        assertEquals(List.of(), errors, "Chromium console errors");
    }

    void screenshot(String name) throws Exception {
        Path dir = Path.of(System.getProperty("storeauth.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
