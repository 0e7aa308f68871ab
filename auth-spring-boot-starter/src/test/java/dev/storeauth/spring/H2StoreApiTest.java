package dev.storeauth.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storeauth.spring.app.StoreApiApplication;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The store API over an in-memory H2 database, with Actuator's health endpoint. */
@SpringBootTest(classes = StoreApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:storeauth-spring;DB_CLOSE_DELAY=-1")
class H2StoreApiTest extends StoreApiContract {

    @Test
    void actuatorHealthShowsTheStoreauthComponentUpWithItsChecks() throws Exception {
        HttpResponse<String> response = send(get("/actuator/health").build());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode storeauth = new ObjectMapper().readTree(response.body()).get("components").get("storeauth");
        assertEquals("UP", storeauth.get("status").asText(), response.body());
        assertEquals("up", storeauth.get("details").get("store").asText());
        assertEquals("connected", storeauth.get("details").get("changeFeed").asText());
    }
}
