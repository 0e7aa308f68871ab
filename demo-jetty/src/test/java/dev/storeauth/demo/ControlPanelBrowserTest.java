package dev.storeauth.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The control panel in headless Chromium: sign in, create an account with scopes, an expiry and
 * an allowlist, read its one-time secrets from the pop-up, use them against the API, delete it
 * through the UI. Takes the README's screenshots. Needs Debian's {@code chromium} and
 * {@code chromium-driver}; skips without them unless {@code REQUIRE_BROWSER=1} ({@link PanelBrowser}).
 */
class ControlPanelBrowserTest {

    @TempDir
    static Path dataDir;
    @TempDir
    static Path downloads;
    static DemoFixture demo;
    static PanelBrowser browser;

    @BeforeAll
    static void start() throws Exception {
        PanelBrowser.requireOrSkip();
        demo = DemoFixture.start(dataDir);
        browser = PanelBrowser.start(demo, downloads);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void ownerCreatesUsesAndDeletesAnAccountThroughTheUi() throws Exception {
        browser.signIn("owner@example.com", DemoFixture.OWNER_PASSWORD);
        browser.click("create-account");
        browser.driver.findElement(By.id("account-name")).sendKeys("Stock sync");
        browser.click(By.cssSelector("input[name='scope-products'][value='modify']"));
        browser.click(By.cssSelector("input[name='scope-orders'][value='read-only']"));
        browser.click("expiry-in");
        browser.driver.findElement(By.id("allowed-ips")).sendKeys("127.0.0.0/8\n::1/128");
        browser.screenshot("create-api-account.png");
        browser.click("create-save");

        String token = browser.visibleText("secret-access-token");
        assertTrue(token.startsWith("sat_"), token);
        assertTrue(browser.visibleText("secret-client-secret").startsWith("scs_"));
        assertTrue(browser.driver.findElement(By.cssSelector("#secret-expires time")).getAttribute("datetime")
                .endsWith("Z"), "the pop-up shows when it expires");
        browser.click("download-credentials");
        browser.screenshot("api-credentials-popup.png");
        browser.click("secrets-done");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("accounts"), "Stock sync"));
        assertTrue(browser.driver.findElement(By.cssSelector("#accounts tbody tr td.allowed")).getText()
                .contains("127.0.0.0/8"));
        browser.screenshot("store-api-accounts.png");
        assertCredentialsFileDownloaded(token);

        HttpClient api = demo.client();
        assertEquals(201, call(api, "POST", "/v3/catalog/products", token).statusCode());
        assertEquals(200, call(api, "GET", "/v3/orders", token).statusCode());
        assertEquals(403, call(api, "POST", "/v3/orders", token).statusCode());

        browser.click(By.cssSelector("#accounts tbody tr .delete-account"));
        browser.click("confirm-ok");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-accounts")));
        HttpResponse<String> revoked = call(api, "GET", "/v3/orders", token);
        assertEquals(401, revoked.statusCode());
        assertTrue(revoked.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        browser.assertNoConsoleErrors();
    }

    @Test
    void theLimitIsShownAndBulkDeleteRemovesEverySelectedAccount() throws Exception {
        HttpClient owner = demo.client();
        String csrf = demo.signIn(owner, "owner@example.com", DemoFixture.OWNER_PASSWORD);
        for (int i = 1; i <= 50; i++) {
            demo.manage(owner, csrf, "POST", "api-accounts", Map.of("name", "Bulk " + i));
        }
        browser.signIn("owner@example.com", DemoFixture.OWNER_PASSWORD);

        browser.wait.until(ExpectedConditions.textToBe(By.id("account-count"), "50 of 50 API accounts"));
        assertTrue(!browser.driver.findElement(By.id("create-account")).isEnabled(),
                "create is disabled at the limit");
        browser.click("select-all");
        browser.click("bulk-delete");
        browser.click("confirm-ok");

        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-accounts")));
        assertEquals("0 of 50 API accounts", browser.driver.findElement(By.id("account-count")).getText());
        browser.assertNoConsoleErrors();
    }

    @Test
    void ownerCreatesALegacyAccountAndGeneratesANewToken() throws Exception {
        browser.signIn("owner@example.com", DemoFixture.OWNER_PASSWORD);
        browser.driver.get(demo.https("/manage/legacy-accounts").toString());
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-username")))
                .sendKeys("erp-sync");
        browser.click("create-legacy");
        String first = browser.visibleText("token-value");
        browser.click("token-done");
        browser.click(By.cssSelector("#accounts tbody tr .edit-account"));
        browser.click(By.cssSelector("input[name='legacy-overlap'][value='86400']"));
        browser.click("generate-token");
        String second = browser.visibleText("token-value");
        browser.click("token-done");

        assertTrue(first.startsWith("slt_") && second.startsWith("slt_") && !first.equals(second));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("accounts"),
                "Old token valid until"));
        browser.screenshot("legacy-api-accounts.png");
        browser.assertNoConsoleErrors();
    }

    @Test
    void staffSeesThatOnlyTheOwnerCanCreate() throws Exception {
        browser.signIn("staff@example.com", DemoFixture.STAFF_PASSWORD);

        WebElement notice = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("owner-only")));

        assertTrue(notice.getText().contains("Only the store owner"), notice.getText());
        assertTrue(browser.driver.findElements(By.cssSelector("#create-account")).stream()
                .noneMatch(WebElement::isDisplayed));
        browser.screenshot("staff-view.png");
        browser.assertNoConsoleErrors();
    }

    private static HttpResponse<String> call(HttpClient client, String method, String path, String token)
            throws Exception {
        return DemoFixture.send(client, HttpRequest.newBuilder(demo.https("/stores/" + demo.storeHash() + path))
                .header("X-Auth-Token", token).header("Content-Type", "application/json")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{\"name\":\"from the browser test\"}")).build());
    }

    private static void assertCredentialsFileDownloaded(String token) {
        browser.wait.until(driver -> {
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
}
