package dev.storeauth.servlet.manage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.lifecycle.AccountLifecycle;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.servlet.manage.LegacyUsernameAddressingTest.Encoding;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The addressing guarantees of {@link LegacyUsernameAddressingTest} in embedded Tomcat 10.1, with
 * its default URI handling: every username creation allows round-trips in each encoding, and a ref
 * reaches an account stored under {@code .} or {@code ..}, which no path can.
 */
class TomcatLegacyAddressingTest {

    static final String STORE = "abc123";
    static final InMemoryAccountRepository REPOSITORY = new InMemoryAccountRepository();
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static Tomcat tomcat;

    @BeforeAll
    static void start() throws Exception {
        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        Context context = tomcat.addContext("", Files.createTempDirectory("tomcat-docs").toString());
        AccountLifecycle lifecycle = AccountLifecycle.builder(REPOSITORY, (store, user) -> user.equals("olivia"),
                "api.example.com").build();
        Tomcat.addServlet(context, "manage", new AccountManagementServlet(lifecycle, request -> Optional.of("csrf")));
        context.addServletMappingDecoded("/manage/stores/*", "manage");
        FilterDef signIn = new FilterDef();
        signIn.setFilterName("signIn");
        signIn.setFilter(signedInAsOlivia());
        context.addFilterDef(signIn);
        FilterMap everything = new FilterMap();
        everything.setFilterName("signIn");
        everything.addURLPattern("/*");
        context.addFilterMap(everything);
        tomcat.start();
    }

    @AfterAll
    static void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }

    @AfterEach
    void removeAccounts() {
        REPOSITORY.legacyAccounts(STORE).forEach(a -> REPOSITORY.deleteLegacyAccount(STORE, a.username(), TestAudit.ENTRY));
    }

    private static Filter signedInAsOlivia() {
        return (request, response, chain) -> chain.doFilter(
                new HttpServletRequestWrapper((HttpServletRequest) request) {
                    @Override
                    public Principal getUserPrincipal() {
                        return () -> "olivia";
                    }
                }, response);
    }

    static HttpResponse<String> owner(String method, String relative, String body) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/manage/stores/" + STORE
                + "/" + relative);
        return CLIENT.send(HttpRequest.newBuilder(uri).header("X-CSRF-Token", "csrf")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static LegacyAccount stored(String username) {
        return (LegacyAccount) REPOSITORY.find(new LookupKey.ByUsername(STORE, username)).orElseThrow();
    }

    static Stream<Arguments> trickyUsernamesInEveryEncoding() {
        return LegacyUsernameAddressingTest.trickyUsernamesInEveryEncoding();
    }

    @ParameterizedTest(name = "{0} written {1}")
    @MethodSource("trickyUsernamesInEveryEncoding")
    void everyUsernameCreationAllowsIsRegeneratedAndDeletedThroughItsEncodedPath(String username, Encoding encoding)
            throws Exception {
        HttpResponse<String> created = owner("POST", "legacy-accounts", "{\"username\":\"" + username + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        LegacyAccount before = stored(username);
        String path = "legacy-accounts/" + encoding.encode(username);
        HttpResponse<String> regenerated = owner("POST", path + "/token", null);
        assertEquals(200, regenerated.statusCode(), regenerated.body());
        assertNotEquals(before.tokenDigest(), stored(username).tokenDigest());
        assertEquals(204, owner("DELETE", path, null).statusCode());
        assertEquals(List.of(), REPOSITORY.legacyAccounts(STORE));
    }

    @ParameterizedTest
    @ValueSource(strings = {".", ".."})
    void anAccountStoredUnderADotSegmentUsernameIsReachedOnlyThroughItsRef(String username) throws Exception {
        REPOSITORY.insertLegacyAccount(new LegacyAccount(STORE, username, SecretDigester.sha256().digest("old"),
                Instant.EPOCH), TestAudit.ENTRY);
        for (String path : List.of(username, Encoding.EVERY_BYTE_UPPER.encode(username))) {
            int status = owner("DELETE", "legacy-accounts/" + path, null).statusCode();
            assertTrue(status >= 400 && status < 500, path + " answered " + status);
        }
        assertEquals(1, REPOSITORY.legacyAccounts(STORE).size(), "no username path reached it");
        String ref = Encoding.REF.encode(username);
        assertEquals(200, owner("POST", "legacy-accounts/" + ref + "/token", null).statusCode());
        assertNotEquals(SecretDigester.sha256().digest("old"), stored(username).tokenDigest());
        assertEquals(204, owner("DELETE", "legacy-accounts/" + ref, null).statusCode());
        assertEquals(List.of(), REPOSITORY.legacyAccounts(STORE));
    }
}
