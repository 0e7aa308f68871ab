package dev.storeauth.demo;

import static dev.storeauth.demo.DemoFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Control-panel sign-ins in the store's audit trail, over real HTTPS, read back as the owner through
 * {@code GET audit-events}: who, from which address, and why a failure failed, never the password;
 * an unknown e-mail address in no store's trail; a throttled address once, however often it tries.
 * Each test has its own demo, as the sign-in throttle counts per address and every test comes from
 * 127.0.0.1.
 */
class SignInAuditTrailTest {

    private static final String WRONG = "wrong-password-never-stored";

    @TempDir
    Path dataDir;
    DemoFixture demo;
    HttpClient owner;
    String csrf;

    @BeforeEach
    void start() throws Exception {
        demo = DemoFixture.start(dataDir);
        owner = demo.client();
        csrf = demo.signIn(owner, "owner@example.com", DemoFixture.OWNER_PASSWORD);
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    @Test
    void successesAndWrongPasswordsAreRecordedInTheUsersStoreWithTheConnectionsAddress() throws Exception {
        assertEquals(401, demo.trySignIn(demo.client(), "staff@example.com", WRONG).statusCode());
        demo.signIn(demo.client(), "staff@example.com", DemoFixture.STAFF_PASSWORD);

        HttpResponse<String> trail = demo.manage(owner, csrf, "GET", "audit-events?limit=10", null);

        assertEquals(200, trail.statusCode(), trail.body());
        assertFalse(trail.body().contains(WRONG) || trail.body().contains(DemoFixture.STAFF_PASSWORD), trail.body());
        List<JsonNode> events = events(trail);
        assertEquals(3, events.size(), trail.body());
        assertEvent(events.get(0), "staff@example.com", "control_panel.sign_in_succeeded", null);
        assertEvent(events.get(1), "staff@example.com", "control_panel.sign_in_failed", "wrong_password");
        assertEvent(events.get(2), "owner@example.com", "control_panel.sign_in_succeeded", null);
    }

    @Test
    void anUnknownEmailAddressIsInNoStoresTrail() throws Exception {
        assertEquals(401, demo.trySignIn(demo.client(), "nobody@example.com", WRONG).statusCode());

        List<JsonNode> events = events(demo.manage(owner, csrf, "GET", "audit-events?limit=10", null));

        assertEquals(1, events.size(), events.toString());
        assertEquals("owner@example.com", events.get(0).get("actor").asText());
    }

    @Test
    void aThrottledAddressIsRecordedOnceHoweverOftenItTries() throws Exception {
        HttpClient guesser = demo.client();
        int status = 0;
        for (int i = 0; i < 11 && status != 429; i++) {
            status = demo.trySignIn(guesser, "staff@example.com", WRONG + i).statusCode();
        }
        assertEquals(429, status, "the throttle was reached");
        for (int i = 0; i < 5; i++) {
            assertEquals(429, demo.trySignIn(guesser, "staff@example.com", WRONG).statusCode());
        }

        List<JsonNode> events = events(demo.manage(owner, csrf, "GET", "audit-events?limit=100", null));

        List<JsonNode> throttled = events.stream()
                .filter(e -> e.get("detail").path("reason").asText().equals("throttled")).toList();
        assertEquals(1, throttled.size(), events.toString());
        assertEvent(throttled.get(0), "staff@example.com", "control_panel.sign_in_failed", "throttled");
        assertEquals(10, events.stream()
                .filter(e -> e.get("detail").path("reason").asText().equals("wrong_password")).count());
    }

    private void assertEvent(JsonNode event, String actor, String action, String reason) {
        assertEquals(actor, event.get("actor").asText(), event.toString());
        assertEquals(action, event.get("action").asText(), event.toString());
        assertEquals(demo.storeHash(), event.get("store").asText(), event.toString());
        assertEquals("127.0.0.1", event.get("client_address").asText(), event.toString());
        assertTrue(event.path("account_id").isNull() || event.path("account_id").isMissingNode(), event.toString());
        assertEquals(reason == null ? "{}" : "{\"reason\":\"" + reason + "\"}", event.get("detail").toString());
    }

    private static List<JsonNode> events(HttpResponse<String> trail) throws Exception {
        assertEquals(200, trail.statusCode(), trail.body());
        List<JsonNode> events = new ArrayList<>();
        json(trail).get("data").forEach(events::add);
        return events;
    }
}
