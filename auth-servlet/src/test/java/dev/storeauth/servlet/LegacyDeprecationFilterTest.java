package dev.storeauth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The legacy Basic deprecation configured by init-params as {@code web.xml} would, on the wire of a
 * real Jetty 12: answers to proven Basic credentials carry {@code Deprecation}, {@code Sunset} and
 * {@code Link}; others never do; past a refusing sunset Basic is 401 {@code basic_auth_retired}
 * offering only Bearer. Every 401 is checked for its challenges.
 */
class LegacyDeprecationFilterTest {

    private static final TestAccounts ACCOUNTS = SeededConfigurer.ACCOUNTS;
    private static final String V2 = "/stores/store1/v2/products";
    private static final String LINK = "https://api.example.com/docs/legacy-basic";
    private static final String BEARER = "Bearer realm=\"storeauth\"";
    private static final String BASIC = "Basic realm=\"storeauth\", charset=\"UTF-8\"";
    private static final List<String> NOTICE_HEADERS = List.of("Deprecation", "Sunset", "Link");

    private JettyHarness jetty;

    @AfterEach
    void stopJetty() throws Exception {
        if (jetty != null) {
            jetty.close();
        }
    }

    private void start(String sunset, boolean refuse) throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("configurer", SeededConfigurer.class.getName());
        params.put("trusted-proxies", "127.0.0.1");
        params.put("legacy-deprecated-since", "2023-07-01");
        params.put("legacy-sunset", sunset);
        params.put("legacy-deprecation-link", LINK);
        params.put("legacy-refuse-after-sunset", Boolean.toString(refuse));
        jetty = JettyHarness.fromInitParams(params);
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        return jetty.send("GET", path, true, headers);
    }

    private static String alice() {
        return TestAccounts.basic("alice", ACCOUNTS.legacyToken);
    }

    private static void assertNotice(HttpResponse<String> response, String sunset) {
        assertEquals(List.of("@1688169600"), response.headers().allValues("Deprecation"));
        assertEquals(List.of(sunset), response.headers().allValues("Sunset"));
        assertEquals(List.of("<" + LINK + ">; rel=\"deprecation\", <" + LINK + ">; rel=\"sunset\""),
                response.headers().allValues("Link"));
    }

    private static void assertNoNotice(HttpResponse<String> response) {
        for (String name : NOTICE_HEADERS) {
            assertEquals(List.of(), response.headers().allValues(name), name + " on " + response.statusCode());
        }
    }

    @Test
    void aBasicSuccessAndABasic403CarryTheNoticeOnTheWire() throws Exception {
        start("2999-12-31", true);

        HttpResponse<String> ok = get(V2, "Authorization", alice());
        HttpResponse<String> unmapped = get("/stores/store1/v2/nothing_here", "Authorization", alice());

        assertEquals(200, ok.statusCode(), ok.body());
        assertNotice(ok, "Tue, 31 Dec 2999 00:00:00 GMT");
        assertEquals(403, unmapped.statusCode(), unmapped.body());
        assertTrue(unmapped.body().contains("\"code\":\"unmapped_path\""), unmapped.body());
        assertNotice(unmapped, "Tue, 31 Dec 2999 00:00:00 GMT");
    }

    @Test
    void bearerAndUnprovenAnswersCarryNoNotice() throws Exception {
        start("2999-12-31", true);

        HttpResponse<String> bearer = get(V2, "X-Auth-Token", ACCOUNTS.modifyToken);
        HttpResponse<String> missing = get(V2);
        HttpResponse<String> wrong = get(V2, "Authorization", TestAccounts.basic("alice", ACCOUNTS.otherStoreLegacyToken));

        assertEquals(200, bearer.statusCode(), bearer.body());
        assertNoNotice(bearer);
        assertEquals(401, missing.statusCode(), missing.body());
        assertEquals(List.of(BEARER, BASIC), missing.headers().allValues("WWW-Authenticate"));
        assertNoNotice(missing);
        assertEquals(401, wrong.statusCode(), wrong.body());
        assertEquals(List.of(BEARER, BASIC), wrong.headers().allValues("WWW-Authenticate"), "a Basic attempt");
        assertNoNotice(wrong);
    }

    @Test
    void pastARefusingSunsetBasicIs401OfferingOnlyBearerWithTheNoticeWhileBearerIsServed() throws Exception {
        start("2024-01-01", true);

        HttpResponse<String> retired = get(V2, "Authorization", alice());
        HttpResponse<String> bearer = get(V2, "X-Auth-Token", ACCOUNTS.modifyToken);

        assertEquals(401, retired.statusCode(), retired.body());
        assertEquals(List.of(BEARER), retired.headers().allValues("WWW-Authenticate"));
        assertTrue(retired.body().contains("\"code\":\"basic_auth_retired\""), retired.body());
        assertTrue(retired.body().contains("retired on 2024-01-01") && retired.body().contains("OAuth API account"),
                retired.body());
        assertNotice(retired, "Mon, 01 Jan 2024 00:00:00 GMT");
        assertEquals(200, bearer.statusCode(), bearer.body());
        assertNoNotice(bearer);
        assertEquals(1, jetty.servletCalls(), "the retired credential never reached the application");
    }

    @Test
    void pastASunsetThatDoesNotRefuseBasicIsServedWithTheNotice() throws Exception {
        start("2024-01-01", false);

        HttpResponse<String> ok = get(V2, "Authorization", alice());

        assertEquals(200, ok.statusCode(), ok.body());
        assertNotice(ok, "Mon, 01 Jan 2024 00:00:00 GMT");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "legacy-deprecated-since=2023-7-1                                        | legacy-deprecated-since: expected a date like 2027-06-30",
        "legacy-deprecated-since=soon                                            | legacy-deprecated-since: expected a date",
        "legacy-sunset=2027-06-30                                                | legacy-deprecated-since: required",
        "legacy-deprecated-since=2023-07-01;legacy-sunset=2027-02-30             | legacy-sunset: expected a date",
        "legacy-deprecated-since=2023-07-01;legacy-sunset=2023-06-30             | legacy-sunset: the sunset",
        "legacy-deprecated-since=2023-07-01;legacy-deprecation-link=/docs        | legacy-deprecation-link: ",
        "legacy-deprecated-since=2023-07-01;legacy-deprecation-link=https://a b  | legacy-deprecation-link: expected an absolute",
        "legacy-deprecated-since=2023-07-01;legacy-refuse-after-sunset=true      | legacy-refuse-after-sunset: refusing Basic",
        "legacy-deprecated-since=2023-07-01;legacy-refuse-after-sunset=yes       | legacy-refuse-after-sunset: expected true or false",
    })
    void failsInitNamingTheBadParameter(String params, String expected) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("configurer", SeededConfigurer.class.getName());
        for (String pair : params.split(";")) {
            values.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }

        ServletException e = assertThrows(ServletException.class, () -> new StoreAuthFilter().init(config(values)));

        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static FilterConfig config(Map<String, String> values) {
        FilterConfig config = mock(FilterConfig.class);
        when(config.getInitParameterNames()).thenAnswer(i -> Collections.enumeration(values.keySet()));
        when(config.getInitParameter(any())).thenAnswer(i -> values.get(i.<String>getArgument(0)));
        return config;
    }
}
