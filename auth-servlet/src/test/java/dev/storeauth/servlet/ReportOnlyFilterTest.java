package dev.storeauth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.storeauth.auth.Authenticator;
import dev.storeauth.auth.ReportOnlyRoutes;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.policy.RouteTable;
import dev.storeauth.policy.ScopeCatalogue;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Report-only routes in a real Jetty 12: what the candidate would deny reaches the application and
 * is reported with its rule; what the enforcing table denies is answered as before. From code and
 * from the {@code report-only-routes} init-param.
 */
class ReportOnlyFilterTest {

    private static final String V2_PRODUCTS = "/stores/store1/v2/products";
    private static final String NARROWER = "v2 /orders orders\nv2 /products/stock inventory_not_in_catalogue\n";

    private final TestAccounts accounts = new TestAccounts();
    private final AccountCache cache = AccountCache.builder(accounts.repository).ticker(() -> 0L).build();
    private final List<ReportOnlyRoutes.Report> reports = Collections.synchronizedList(new ArrayList<>());
    private JettyHarness jetty;

    @TempDir
    Path dir;

    @AfterEach
    void stop() throws Exception {
        if (jetty != null) {
            jetty.close();
        }
        cache.close();
    }

    @Test
    void aRequestTheCandidateWouldDenyReachesTheApplicationAndIsReportedWithItsRule() throws Exception {
        Authenticator authenticator = Authenticator.builder(cache).requireTls(false)
                .reportOnlyRoutes(RouteTable.parse("v2 /orders orders\n", ScopeCatalogue.defaults()))
                .reportOnlyListener(reports::add).build();
        jetty = new JettyHarness(new StoreAuthFilter(authenticator));

        HttpResponse<String> allowed = jetty.send("GET", V2_PRODUCTS, false, "X-Auth-Token", accounts.readOnlyToken);
        HttpResponse<String> denied = jetty.send("POST", V2_PRODUCTS, false, "X-Auth-Token", accounts.readOnlyToken);
        HttpResponse<String> missing = jetty.send("GET", V2_PRODUCTS, false);

        assertEquals(200, allowed.statusCode(), allowed.body());
        assertEquals(403, denied.statusCode(), denied.body());
        assertTrue(denied.body().contains("\"code\":\"insufficient_scope\""), denied.body());
        assertEquals(401, missing.statusCode(), missing.body());
        assertEquals(List.of("Bearer realm=\"storeauth\"", "Basic realm=\"storeauth\", charset=\"UTF-8\""),
                missing.headers().allValues("WWW-Authenticate"));
        assertEquals(1, jetty.servletCalls());
        assertEquals(1, reports.size(), reports.toString());
        assertEquals("v2 (no route)", reports.get(0).wouldDeny().rule().toString());
        assertEquals(ReportOnlyRoutes.Reason.UNMAPPED_PATH, reports.get(0).wouldDeny().reason());
        assertEquals(V2_PRODUCTS, reports.get(0).path());
        assertEquals(Map.of(reports.get(0).wouldDeny(), 1L), authenticator.reportOnlyStatistics());
    }

    @Test
    void theInitParamReadsTheCandidateFromAFileAndTheRequestsItWouldDenyStillGetThrough() throws Exception {
        Path file = Files.writeString(dir.resolve("candidate.routes"), "# tighter\naccept v2 bearer\nv2 /orders orders\n");
        jetty = JettyHarness.fromInitParams(Map.of("configurer", SeededConfigurer.class.getName(),
                "trusted-proxies", "127.0.0.1", "report-only-routes", file.toString()));

        HttpResponse<String> bearer = jetty.send("GET", V2_PRODUCTS, true, "X-Auth-Token",
                SeededConfigurer.ACCOUNTS.readOnlyToken);
        HttpResponse<String> basic = jetty.send("GET", V2_PRODUCTS, true, "Authorization",
                TestAccounts.basic("alice", SeededConfigurer.ACCOUNTS.legacyToken));

        assertEquals(200, bearer.statusCode(), bearer.body());
        assertEquals(200, basic.statusCode(), basic.body());
        assertEquals(2, jetty.servletCalls());
    }

    @Test
    void aCandidateFileThatIsMissingOrBadFailsInitNamingTheParameterAndTheLine() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.routes"), NARROWER);
        Path notUtf8 = Files.write(dir.resolve("latin1.routes"), "v2 /caf\u00e9 products\n".getBytes(StandardCharsets.ISO_8859_1));

        assertInitFails(dir.resolve("missing.routes").toString(), "report-only-routes: cannot read");
        assertInitFails(bad.toString(), "report-only-routes: " + bad + ": ");
        assertInitFails(bad.toString(), "line 2");
        assertInitFails(notUtf8.toString(), "not UTF-8");
    }

    private static void assertInitFails(String file, String expected) {
        Map<String, String> values = Map.of("configurer", SeededConfigurer.class.getName(), "report-only-routes", file);
        FilterConfig config = mock(FilterConfig.class);
        when(config.getInitParameterNames()).thenAnswer(i -> Collections.enumeration(values.keySet()));
        when(config.getInitParameter(any())).thenAnswer(i -> values.get(i.<String>getArgument(0)));

        ServletException e = assertThrows(ServletException.class, () -> new StoreAuthFilter().init(config));

        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
