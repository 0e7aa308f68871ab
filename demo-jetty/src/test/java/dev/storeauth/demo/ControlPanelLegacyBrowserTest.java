package dev.storeauth.demo;

import static dev.storeauth.demo.DemoFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Legacy API Accounts page tells the owner who still depends on HTTP Basic: each account's last
 * use, its time and the address it came from, and "never" for one nobody used; the page links to
 * what Basic clients are told of the deprecation. In headless Chromium; skips without it unless
 * {@code REQUIRE_BROWSER=1} ({@link PanelBrowser}).
 */
class ControlPanelLegacyBrowserTest {

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

    private static String create(String username) throws Exception {
        HttpResponse<String> created = demo.manage(owner, csrf, "POST", "legacy-accounts", Map.of("username", username));
        assertEquals(201, created.statusCode(), created.body());
        return json(created).get("api_token").asText();
    }

    private static By lastUsed(String username) {
        return By.cssSelector("#accounts tr[data-username='" + username + "'] td.last-used");
    }

    @Test
    void eachAccountShowsWhenAndFromWhereBasicLastUsedItAndNeverForAnUnusedOne() throws Exception {
        String token = create("shipping-sync");
        create("forgotten-app");
        HttpResponse<String> used = StoreApiCalls.legacy(demo, owner, "shipping-sync", token);
        assertEquals(200, used.statusCode(), used.body());
        assertTrue(used.headers().firstValue("Deprecation").isPresent(), "a Basic answer says Basic is deprecated");
        browser.signIn("owner@example.com", DemoFixture.OWNER_PASSWORD);

        // Uses are written in batches every second: reload until this one is.
        WebElement cell = new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(driver -> {
            browser.open("/manage/legacy-accounts");
            WebElement found = new WebDriverWait(driver, Duration.ofSeconds(5))
                    .until(d -> d.findElement(lastUsed("shipping-sync")));
            return found.getText().contains("from") ? found : null;
        });

        assertTrue(cell.getText().contains("from 127.0.0.1"), cell.getText());
        assertTrue(cell.findElement(By.tagName("time")).getAttribute("datetime").endsWith("Z"), cell.getText());
        assertEquals("never", browser.driver.findElement(lastUsed("forgotten-app")).getText());
        assertTrue(browser.driver.findElement(By.id("legacy-basic-doc")).getAttribute("href")
                .endsWith("/manage/assets/legacy-basic.html"));
        browser.assertNoConsoleErrors();
    }
}
