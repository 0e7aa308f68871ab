package dev.storeauth.demo;

import static dev.storeauth.demo.DemoFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Rotation and restriction in the control panel, in headless Chromium: rolling a token with an
 * overlap (the new token shown once, the old one listed until it stops), editing an allowlist,
 * regenerating a legacy token with an overlap, and a policy that refuses an account without an
 * expiry. Each test makes its own accounts through the management endpoints. Takes the README's
 * roll screenshots. Skips without Chromium unless {@code REQUIRE_BROWSER=1} ({@link PanelBrowser}).
 */
class ControlPanelRotationBrowserTest {

    @TempDir
    static Path dataDir;
    @TempDir
    static Path downloads;
    static SignedInPanel panel;
    static DemoFixture demo;
    static PanelBrowser browser;
    static HttpClient owner;
    static String csrf;

    @BeforeAll
    static void start() throws Exception {
        panel = SignedInPanel.start(dataDir, downloads);
        demo = panel.demo;
        browser = panel.browser;
        owner = panel.owner;
        csrf = panel.csrf;
    }

    @AfterAll
    static void stop() {
        if (panel != null) {
            panel.close();
        }
    }

    @Test
    void aRolledTokenIsShownOnceAndTheOldOneIsListedUntilItsOverlapEnds() throws Exception {
        JsonNode account = create("Nightly export");
        String old = account.get("access_token").asText();
        browser.signIn("owner@example.com", DemoFixture.OWNER_PASSWORD);

        browser.click(inRow(account, ".roll-account"));
        browser.click(By.cssSelector("input[name='roll-overlap'][value='86400']"));
        browser.screenshot("roll-api-account.png");
        browser.click("roll-save");

        String rolled = browser.visibleText("secret-access-token");
        assertTrue(rolled.startsWith("sat_") && !rolled.equals(old), rolled);
        assertEquals("New Access Token", browser.visibleText("secrets-title"));
        assertFalse(browser.driver.findElement(By.id("secret-client-secret-row")).isDisplayed());
        assertTrue(browser.visibleText("secret-old-token").startsWith("works until"));
        browser.screenshot("rolled-token-popup.png");
        browser.click("secrets-done");

        assertEquals("", browser.driver.findElement(By.id("secret-access-token")).getAttribute("textContent"),
                "the token is gone from the page once the pop-up is closed");
        WebElement overlap = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                inRow(account, ".overlap")));
        assertTrue(overlap.getText().startsWith("Old token valid until"), overlap.getText());
        assertTrue(overlap.findElement(By.tagName("time")).getAttribute("title").endsWith("Z"));
        assertEquals(200, StoreApiCalls.get(demo, owner, "/v3/orders", old).statusCode(), "old token, in the overlap");
        assertEquals(200, StoreApiCalls.get(demo, owner, "/v3/orders", rolled).statusCode(), "new token");
        browser.assertNoConsoleErrors();
    }

    @Test
    void theAllowlistIsEditedFromTheListAndABadEntryIsNamed() throws Exception {
        JsonNode account = create("Warehouse scanner");
        browser.signIn("owner@example.com", DemoFixture.OWNER_PASSWORD);

        browser.click(inRow(account, ".allowlist-account"));
        WebElement ips = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("allowlist-ips")));
        assertEquals(ips, browser.driver.switchTo().activeElement(), "the list has the focus");
        ips.sendKeys("203.0.113.0/24\nnot-an-address");
        browser.click("allowlist-save");
        String error = browser.visibleText("allowlist-error");
        assertTrue(error.contains("not-an-address"), error);

        ips.clear();
        ips.sendKeys("203.0.113.0/24\n2001:db8::/32");
        browser.click("allowlist-save");
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("allowlist-dialog")));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(inRow(account, "td.allowed"),
                "2001:db8::/32"));
        assertTrue(browser.driver.findElement(inRow(account, "td.allowed")).getText().contains("203.0.113.0/24"));
        HttpResponse<String> refused = StoreApiCalls.get(demo, owner, "/v3/orders",
                account.get("access_token").asText());
        assertEquals(403, refused.statusCode());
        assertEquals("address_not_allowed", json(refused).get("code").asText(), refused.body());
        browser.assertNoConsoleErrorsBut(List.of(400));
    }

    @Test
    void aLegacyTokenIsRegeneratedWithAnOverlapAndBothWorkMeanwhile() throws Exception {
        HttpResponse<String> created = demo.manage(owner, csrf, "POST", "legacy-accounts",
                Map.of("username", "pos-terminal"));
        assertEquals(201, created.statusCode(), created.body());
        String old = json(created).get("api_token").asText();
        browser.signIn("owner@example.com", DemoFixture.OWNER_PASSWORD);
        browser.open("/manage/legacy-accounts");

        browser.click(By.cssSelector("#accounts tr[data-username='pos-terminal'] .edit-account"));
        browser.click(By.cssSelector("input[name='legacy-overlap'][value='3600']"));
        browser.click("generate-token");

        String fresh = browser.visibleText("token-value");
        assertTrue(fresh.startsWith("slt_") && !fresh.equals(old), fresh);
        assertTrue(browser.visibleText("token-old").startsWith("works until"));
        browser.click("token-done");
        assertEquals(200, StoreApiCalls.legacy(demo, owner, "pos-terminal", old).statusCode(), "old token");
        assertEquals(200, StoreApiCalls.legacy(demo, owner, "pos-terminal", fresh).statusCode(), "new token");
        browser.assertNoConsoleErrors();
    }

    @Test
    void aPolicyRequiringExpiryRefusesAnAccountThatNeverExpiresAndShowsWhy() throws Exception {
        browser.signIn("owner@example.com", DemoFixture.OWNER_PASSWORD);
        try {
            browser.click("policy-require-expiry");
            browser.click("policy-save");
            browser.wait.until(ExpectedConditions.textToBe(By.id("policy-status"), "Saved."));
            assertEquals(true, json(demo.manage(owner, null, "GET", "credential-policy", null))
                    .get("require_expiry").asBoolean());

            browser.click("create-account");
            browser.driver.findElement(By.id("account-name")).sendKeys("Forever");
            browser.click("create-save");
            String error = browser.visibleText("create-error");
            assertTrue(error.contains("requires API accounts to expire"), error);

            browser.click("expiry-in");
            browser.click("create-save");
            assertTrue(browser.visibleText("secret-access-token").startsWith("sat_"));
            browser.click("secrets-done");
            browser.assertNoConsoleErrorsBut(List.of(400));
        } finally {
            Map<String, Object> none = new LinkedHashMap<>();
            none.put("require_expiry", false);
            none.put("max_lifetime", null);
            assertEquals(200, demo.manage(owner, csrf, "PUT", "credential-policy", none).statusCode());
        }
    }

    private static JsonNode create(String name) throws Exception {
        HttpResponse<String> created = demo.manage(owner, csrf, "POST", "api-accounts",
                Map.of("name", name, "scopes", Map.of("orders", "read-only")));
        assertEquals(201, created.statusCode(), created.body());
        return json(created);
    }

    private static By inRow(JsonNode account, String selector) {
        return By.cssSelector("#accounts tr[data-id='" + account.get("id").asText() + "'] " + selector);
    }
}
