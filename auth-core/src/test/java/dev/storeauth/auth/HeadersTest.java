package dev.storeauth.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadersTest {

    @Test
    void matchesNamesCaseInsensitively() {
        ApiRequest.Headers headers = ApiRequest.Headers.of(Map.of("X-Auth-Token", List.of("t")));

        assertEquals(List.of("t"), headers.values("x-auth-token"));
        assertEquals(List.of("t"), headers.values("X-AUTH-TOKEN"));
        assertEquals(List.of(), headers.values("Authorization"));
    }

    @Test
    void mergesNamesThatDifferOnlyInCase() {
        Map<String, List<String>> map = new HashMap<>();
        map.put("Authorization", List.of("a"));
        map.put("authorization", List.of("b"));

        assertEquals(2, ApiRequest.Headers.of(map).values("AUTHORIZATION").size());
    }

    @Test
    void copiesItsSource() {
        Map<String, List<String>> map = new HashMap<>(Map.of("A", List.of("1")));
        ApiRequest.Headers headers = ApiRequest.Headers.of(map);

        map.put("B", List.of("2"));

        assertEquals(List.of(), headers.values("B"));
        assertEquals(List.of(), ApiRequest.Headers.none().values("A"));
    }
}
