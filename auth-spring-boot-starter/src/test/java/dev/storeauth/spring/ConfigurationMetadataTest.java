package dev.storeauth.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configuration metadata the annotation processor writes names and describes the properties. */
class ConfigurationMetadataTest {

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";

    @Test
    void theGeneratedMetadataNamesTheKeyPropertiesEachWithADescription() throws IOException {
        Map<String, JsonNode> properties = properties();
        for (String name : List.of("storeauth.require-tls", "storeauth.trusted-proxies", "storeauth.error-format",
                "storeauth.verify-client-id", "storeauth.cache.ttl", "storeauth.cache.maximum-size",
                "storeauth.limits.max-failures", "storeauth.limits.store-quota", "storeauth.filter.url-patterns",
                "storeauth.token-endpoint.enabled", "storeauth.token-endpoint.path", "storeauth.management.enabled",
                "storeauth.management.path", "storeauth.api-host", "storeauth.scope-catalogue",
                "storeauth.change-feed-probe.every", "storeauth.change-feed-probe.timeout")) {
            assertTrue(properties.containsKey(name), name + " missing from " + properties.keySet());
        }
        properties.forEach((name, property) -> assertFalse(property.path("description").asText().isBlank(),
                name + " has no description"));
        assertEquals("5m", properties.get("storeauth.cache.ttl").get("defaultValue").asText());
        assertEquals("rfc9457", properties.get("storeauth.error-format").get("defaultValue").asText());
        assertEquals("storeauth", properties.get("storeauth.scope-catalogue").get("defaultValue").asText());
        assertEquals("5s", properties.get("storeauth.change-feed-probe.every").get("defaultValue").asText());
    }

    private static Map<String, JsonNode> properties() throws IOException {
        Map<String, JsonNode> byName = new HashMap<>();
        for (URL url : Collections.list(ConfigurationMetadataTest.class.getClassLoader().getResources(METADATA))) {
            try (InputStream in = url.openStream()) {
                JsonNode metadata = new ObjectMapper().readTree(in);
                metadata.get("properties").forEach(property -> {
                    if (property.get("name").asText().startsWith("storeauth.")) {
                        byName.put(property.get("name").asText(), property);
                    }
                });
            }
        }
        return byName;
    }
}
