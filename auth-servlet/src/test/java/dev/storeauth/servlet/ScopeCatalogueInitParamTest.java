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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code scope-catalogue} init-param in a real Jetty 12: the platform's catalogue brings its routes. */
class ScopeCatalogueInitParamTest {

    private static final String PRICE_LISTS = "/stores/store1/v3/pricelists";

    private JettyHarness jetty;

    @TempDir
    Path dir;

    @AfterEach
    void stop() throws Exception {
        if (jetty != null) {
            jetty.close();
        }
    }

    private static Map<String, String> params(String... more) {
        Map<String, String> values = new HashMap<>(Map.of("configurer", SeededConfigurer.class.getName(),
                "trusted-proxies", "127.0.0.1"));
        for (int i = 0; i < more.length; i += 2) {
            values.put(more[i], more[i + 1]);
        }
        return values;
    }

    private HttpResponse<String> priceLists() throws Exception {
        return jetty.send("GET", PRICE_LISTS, true, "X-Auth-Token", SeededConfigurer.ACCOUNTS.readOnlyToken);
    }

    @Test
    void thePlatformCatalogueGuardsItsPathsByItsResources() throws Exception {
        jetty = JettyHarness.fromInitParams(params("scope-catalogue", "platform"));

        HttpResponse<String> read = priceLists();

        assertEquals(200, read.statusCode(), read.body());
    }

    @Test
    void storeauthsOwnCatalogueStaysTheDefaultAndLeavesThePlatformsPathsUnmapped() throws Exception {
        jetty = JettyHarness.fromInitParams(params());

        assertEquals(403, priceLists().statusCode());
    }

    @Test
    void aReportOnlyFileIsReadOverTheCatalogueNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("candidate.routes"), "v3 /payments/methods payment_methods\n");
        jetty = JettyHarness.fromInitParams(params("scope-catalogue", "platform", "report-only-routes", file.toString()));

        assertEquals(200, priceLists().statusCode());
    }

    @Test
    void anUnknownCatalogueFailsInitNamingTheParameter() {
        Map<String, String> values = params("scope-catalogue", "bigcommerce");
        FilterConfig config = mock(FilterConfig.class);
        when(config.getInitParameterNames()).thenAnswer(i -> Collections.enumeration(values.keySet()));
        when(config.getInitParameter(any())).thenAnswer(i -> values.get(i.<String>getArgument(0)));

        ServletException e = assertThrows(ServletException.class, () -> new StoreAuthFilter().init(config));

        assertTrue(e.getMessage().contains("scope-catalogue: expected storeauth or platform, got 'bigcommerce'"),
                e.getMessage());
    }
}
