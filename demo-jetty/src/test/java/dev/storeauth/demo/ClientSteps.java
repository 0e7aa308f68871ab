package dev.storeauth.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One conformance script's result line, read by step: what the client returned or threw, and the
 * requests it sent meanwhile ({@code method}, {@code path}, {@code host}, {@code status},
 * {@code wwwAuthenticate}, {@code retryAfter}, {@code resetMs}, {@code nextAfterMs}, ...), as
 * {@code src/test/node/demo-connection.js} writes them. Assertions name the client and the step.
 */
record ClientSteps(RealClient client, JsonNode result) {

    ClientSteps {
        assertEquals(client.npmName, result.get("client").asText());
        assertEquals(client.version, result.get("version").asText(), "the version installed is the one pinned");
    }

    JsonNode step(String name) {
        JsonNode step = result.get("steps").get(name);
        assertNotNull(step, client + " ran no step " + name + ": " + result);
        return step;
    }

    /** What the client returned at step {@code name}, which must have succeeded. */
    JsonNode value(String name) {
        assertTrue(step(name).get("ok").asBoolean(), client + " " + name + " failed: " + step(name));
        return step(name).get("value");
    }

    /** What the client threw at step {@code name}, which must have failed. */
    JsonNode error(String name) {
        assertFalse(step(name).get("ok").asBoolean(), client + " " + name + " did not fail: " + step(name));
        return step(name).get("error");
    }

    /** The requests sent during the steps named, in order. */
    List<JsonNode> sent(String... names) {
        return Stream.of(names).flatMap(name -> list(step(name).get("sent")).stream()).toList();
    }

    /** Every request the script sent. */
    List<JsonNode> allSent() {
        return list(result.get("sent"));
    }

    /**
     * Step {@code name} sent one request, {@code method} to {@code path} after
     * {@code /stores/{hash}}, answered {@code status}.
     */
    void assertOneRequest(String name, String method, String path, int status) {
        List<JsonNode> sent = sent(name);
        assertEquals(1, sent.size(), client + " " + name + " sent one request: " + sent);
        String where = client + " " + name + ": " + sent.get(0);
        assertEquals(method, sent.get(0).get("method").asText(), where);
        assertEquals(path, sent.get(0).get("path").asText().replaceFirst("^/stores/[^/]+", ""), where);
        assertEquals(status, sent.get(0).get("status").asInt(), where);
    }

    /** Each step as {@code name: METHOD path status...}, for the test log. */
    String summary() {
        StringBuilder out = new StringBuilder(client.toString()).append(':');
        for (Iterator<Map.Entry<String, JsonNode>> it = result.get("steps").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> step = it.next();
            out.append("\n  ").append(step.getKey()).append(": ").append(list(step.getValue().get("sent")).stream()
                    .map(r -> r.get("method").asText() + " " + r.get("path").asText().replaceFirst("^/stores/[^/]+", "")
                            + " " + r.get("status").asText()).collect(Collectors.joining(", ")))
                    .append(step.getValue().get("ok").asBoolean() ? " -> " + step.getValue().get("value")
                            : " -> threw " + step.getValue().get("error").get("message").asText());
        }
        return out.toString();
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    static List<String> texts(JsonNode array) {
        return list(array).stream().map(JsonNode::asText).toList();
    }
}
