package dev.storeauth.demo;

import static dev.storeauth.demo.DemoFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * The Activity page in headless Chromium: the store's audit trail newest first, with the changes
 * made through the management endpoints and the control panel's sign-ins, paged with "Load older";
 * for the owner only. Takes the README's activity screenshot. Skips without Chromium unless
 * {@code REQUIRE_BROWSER=1} ({@link PanelBrowser}).
 */
class ControlPanelActivityBrowserTest {

    /** Entries made before the ones the test looks for, so that the trail has more than one page. */
    private static final int FILLER_ACCOUNTS = 26;

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
    void theOwnerSeesEveryChangeAndSignInNewestFirstAndLoadsOlderPages() throws Exception {
        fillerEntries();
        makeTheChangesTheOwnerLooksFor();
        browser.signIn("owner@example.com", DemoFixture.OWNER_PASSWORD);
        assertTrue(browser.driver.findElement(By.id("nav-activity")).isDisplayed(), "the owner has the link");

        browser.click("nav-activity");
        browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#events tbody tr"), 50));
        List<String> firstPage = actions();
        assertEquals("control_panel.sign_in_succeeded", firstPage.get(0), "the browser's own sign-in is newest");
        assertTrue(firstPage.containsAll(List.of("control_panel.sign_in_failed", "oauth_account.created",
                "oauth_account.token_rolled", "oauth_account.allowed_ips_changed", "legacy_account.created",
                "legacy_account.token_regenerated", "store.credential_policy_changed")), firstPage.toString());
        assertTheFailedSignInIsShownWithoutThePassword();
        browser.screenshot("activity.png");

        while (browser.driver.findElement(By.id("load-older")).isDisplayed()) {
            int before = rows().size();
            browser.click("load-older");
            browser.wait.until(ExpectedConditions.or(ExpectedConditions.numberOfElementsToBeMoreThan(
                    By.cssSelector("#events tbody tr"), before),
                    ExpectedConditions.invisibilityOfElementLocated(By.id("load-older"))));
        }
        assertNewestFirstEndingWithTheFirstSignIn();
        assertTrue(rows().stream().noneMatch(row -> row.getText().contains("nobody@example.com")),
                "an unknown e-mail address is in no store's trail");
        browser.assertNoConsoleErrors();
    }

    @Test
    void staffHaveNoActivityLinkAndTheTrailRefusesThem() throws Exception {
        browser.signIn("staff@example.com", DemoFixture.STAFF_PASSWORD);
        assertFalse(browser.driver.findElement(By.id("nav-activity")).isDisplayed(), "no link for staff");

        browser.open("/manage/activity");
        WebElement notice = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("owner-only")));
        assertTrue(notice.getText().contains("Only the store owner"), notice.getText());
        assertFalse(browser.driver.findElement(By.id("owner-view")).isDisplayed());

        HttpClient staff = demo.client();
        String staffCsrf = demo.signIn(staff, "staff@example.com", DemoFixture.STAFF_PASSWORD);
        assertEquals(403, demo.manage(staff, staffCsrf, "GET", "audit-events?limit=10", null).statusCode());
        browser.assertNoConsoleErrors();
    }

    /** Each account makes two entries: created, and bulk-deleted. */
    private static void fillerEntries() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= FILLER_ACCOUNTS; i++) {
            ids.add(create(Map.of("name", "Filler " + i)).get("id").asText());
        }
        assertEquals(200, manage("POST", "api-accounts/delete", Map.of("ids", ids)).statusCode());
    }

    private static void makeTheChangesTheOwnerLooksFor() throws Exception {
        assertEquals(401, demo.trySignIn(demo.client(), "staff@example.com", "not the password").statusCode());
        assertEquals(401, demo.trySignIn(demo.client(), "nobody@example.com", "not the password").statusCode());
        String id = create(Map.of("name", "Stock sync", "scopes", Map.of("products", "modify"),
                "expires_in", 30 * 86400, "allowed_ips", List.of("198.51.100.0/24"))).get("id").asText();
        assertEquals(200, manage("POST", "api-accounts/" + id + "/roll", Map.of("old_token_expires_in", 3600))
                .statusCode());
        assertEquals(200, manage("PUT", "api-accounts/" + id + "/allowed-ips",
                Map.of("allowed_ips", List.of("198.51.100.0/24", "203.0.113.7"))).statusCode());
        assertEquals(201, manage("POST", "legacy-accounts", Map.of("username", "erp-sync")).statusCode());
        assertEquals(200, manage("POST", "legacy-accounts/erp-sync/token", Map.of("old_token_expires_in", 86400))
                .statusCode());
        assertEquals(200, manage("PUT", "credential-policy", Map.of("require_expiry", false,
                "max_lifetime", 365 * 86400)).statusCode());
    }

    private static void assertTheFailedSignInIsShownWithoutThePassword() {
        WebElement failed = browser.driver.findElement(
                By.cssSelector("#events tr[data-action='control_panel.sign_in_failed']"));
        String text = failed.getText();
        assertTrue(text.contains("staff@example.com") && text.contains("Sign-in failed")
                && text.contains("wrong_password") && text.contains("127.0.0.1"), text);
        assertFalse(text.contains("not the password"), text);
        WebElement time = failed.findElement(By.tagName("time"));
        assertTrue(time.getAttribute("title").matches("\\d{4}-\\d{2}-\\d{2}T.*Z"), time.getAttribute("title"));
        assertNotEquals(time.getAttribute("title"), time.getText(), "shown in the browser's locale");
    }

    private static void assertNewestFirstEndingWithTheFirstSignIn() {
        List<WebElement> rows = rows();
        List<Long> ids = rows.stream().map(row -> Long.parseLong(row.getAttribute("data-id"))).toList();
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i) < ids.get(i - 1), "newest first: " + ids);
        }
        assertTrue(ids.size() > 2 * FILLER_ACCOUNTS, "every page was loaded: " + ids.size());
        WebElement oldest = rows.get(rows.size() - 1);
        assertEquals("control_panel.sign_in_succeeded", oldest.getAttribute("data-action"));
        assertTrue(oldest.getText().contains("owner@example.com"), oldest.getText());
    }

    private static List<WebElement> rows() {
        return browser.driver.findElements(By.cssSelector("#events tbody tr"));
    }

    private static List<String> actions() {
        return rows().stream().map(row -> row.getAttribute("data-action")).toList();
    }

    private static JsonNode create(Map<String, Object> account) throws Exception {
        HttpResponse<String> created = manage("POST", "api-accounts", account);
        assertEquals(201, created.statusCode(), created.body());
        return json(created);
    }

    private static HttpResponse<String> manage(String method, String path, Object body) throws Exception {
        return demo.manage(owner, csrf, method, path, body);
    }
}
