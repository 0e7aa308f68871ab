package dev.storeauth.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The control panel in headless Chromium: sign in, create an account with scopes, read its
 * one-time secrets from the pop-up, use them against the API, delete it through the UI. Takes the
 * README's screenshots. Needs Debian's {@code chromium} and {@code chromium-driver}; skips without
 * them unless {@code REQUIRE_BROWSER=1}.
 */
class ControlPanelBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path dataDir;
    @TempDir
    static Path downloads;
    static DemoFixture demo;
    static ChromeDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "1".equals(System.getenv("REQUIRE_BROWSER"))) {
            throw new AssertionError("REQUIRE_BROWSER=1 but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(present, "skipped: no " + CHROMIUM + " / " + CHROMEDRIVER
                + " (apt-get install chromium chromium-driver; REQUIRE_BROWSER=1 makes this a failure)");
        demo = DemoFixture.start(dataDir);
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options());
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    private static ChromeOptions options() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,900");
        options.setAcceptInsecureCerts(true);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        return options;
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void ownerCreatesUsesAndDeletesAnAccountThroughTheUi() throws Exception {
        signIn("owner@example.com", DemoFixture.OWNER_PASSWORD);
        click("create-account");
        browser.findElement(By.id("account-name")).sendKeys("Stock sync");
        click(By.cssSelector("input[name='scope-products'][value='modify']"));
        click(By.cssSelector("input[name='scope-orders'][value='read-only']"));
        screenshot("create-api-account.png");
        click("create-save");

        String token = visibleText("secret-access-token");
        assertTrue(token.startsWith("sat_"), token);
        assertTrue(visibleText("secret-client-secret").startsWith("scs_"));
        click("download-credentials");
        screenshot("api-credentials-popup.png");
        click("secrets-done");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("accounts"), "Stock sync"));
        screenshot("store-api-accounts.png");
        assertCredentialsFileDownloaded(token);

        HttpClient api = demo.client();
        assertEquals(201, call(api, "POST", "/v3/catalog/products", token).statusCode());
        assertEquals(200, call(api, "GET", "/v3/orders", token).statusCode());
        assertEquals(403, call(api, "POST", "/v3/orders", token).statusCode());

        click(By.cssSelector("#accounts tbody tr .delete-account"));
        click("confirm-ok");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-accounts")));
        HttpResponse<String> revoked = call(api, "GET", "/v3/orders", token);
        assertEquals(401, revoked.statusCode());
        assertTrue(revoked.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertNoConsoleErrors();
    }

    @Test
    void theLimitIsShownAndBulkDeleteRemovesEverySelectedAccount() throws Exception {
        HttpClient owner = demo.client();
        String csrf = demo.signIn(owner, "owner@example.com", DemoFixture.OWNER_PASSWORD);
        for (int i = 1; i <= 50; i++) {
            demo.manage(owner, csrf, "POST", "api-accounts", Map.of("name", "Bulk " + i));
        }
        signIn("owner@example.com", DemoFixture.OWNER_PASSWORD);

        wait.until(ExpectedConditions.textToBe(By.id("account-count"), "50 of 50 API accounts"));
        assertTrue(!browser.findElement(By.id("create-account")).isEnabled(), "create is disabled at the limit");
        click("select-all");
        click("bulk-delete");
        click("confirm-ok");

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-accounts")));
        assertEquals("0 of 50 API accounts", browser.findElement(By.id("account-count")).getText());
        assertNoConsoleErrors();
    }

    @Test
    void ownerCreatesALegacyAccountAndGeneratesANewToken() throws Exception {
        signIn("owner@example.com", DemoFixture.OWNER_PASSWORD);
        browser.get(demo.https("/manage/legacy-accounts").toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-username"))).sendKeys("erp-sync");
        click("create-legacy");
        String first = visibleText("token-value");
        click("token-done");
        click(By.cssSelector("#accounts tbody tr .edit-account"));
        click("generate-token");
        String second = visibleText("token-value");
        click("token-done");

        assertTrue(first.startsWith("slt_") && second.startsWith("slt_") && !first.equals(second));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("accounts"), "erp-sync"));
        screenshot("legacy-api-accounts.png");
        assertNoConsoleErrors();
    }

    @Test
    void staffSeesThatOnlyTheOwnerCanCreate() throws Exception {
        signIn("staff@example.com", DemoFixture.STAFF_PASSWORD);

        WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("owner-only")));

        assertTrue(notice.getText().contains("Only the store owner"), notice.getText());
        assertTrue(browser.findElements(By.cssSelector("#create-account")).stream().noneMatch(WebElement::isDisplayed));
        screenshot("staff-view.png");
        assertNoConsoleErrors();
    }

    private static void signIn(String email, String password) {
        browser.manage().deleteAllCookies();
        browser.get(demo.https("/manage/").toString());
        wait.until(ExpectedConditions.urlContains("/manage/login"));
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        click("sign-in");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("who")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), email));
    }

    private static void click(String id) {
        click(By.id(id));
    }

    private static void click(By locator) {
        wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
    }

    private static String visibleText(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
    }

    private static HttpResponse<String> call(HttpClient client, String method, String path, String token)
            throws Exception {
        return DemoFixture.send(client, HttpRequest.newBuilder(demo.https("/stores/" + demo.storeHash() + path))
                .header("X-Auth-Token", token).header("Content-Type", "application/json")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{\"name\":\"from the browser test\"}")).build());
    }

    private static void assertCredentialsFileDownloaded(String token) {
        wait.until(driver -> {
            try (var files = Files.list(downloads)) {
                return files.anyMatch(f -> f.getFileName().toString().endsWith(".txt"));
            } catch (java.io.IOException e) {
                return false;
            }
        });
        try (var files = Files.list(downloads)) {
            Path txt = files.filter(f -> f.getFileName().toString().endsWith(".txt")).findFirst().orElseThrow();
            assertTrue(Files.readString(txt).contains(token), "the .txt holds the access token");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertNoConsoleErrors() {
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertEquals(List.of(), errors.stream().map(LogEntry::getMessage).toList(), "Chromium console errors");
    }

    private static void screenshot(String name) throws Exception {
        Path dir = Path.of(System.getProperty("storeauth.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }
}
