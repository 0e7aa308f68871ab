package dev.storeauth.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storeauth.demo.cli.DemoOptions;
import dev.storeauth.demo.server.DemoServer;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A demo running on free ports in a temporary data directory, and HTTP clients that trust its certificate. */
public final class DemoFixture implements AutoCloseable {

    public static final String OWNER_PASSWORD = "owner-pass-for-tests";
    public static final String STAFF_PASSWORD = "staff-pass-for-tests";
    static final ObjectMapper JSON = new ObjectMapper();

    public final DemoServer server;
    public final Path dataDir;

    private DemoFixture(DemoServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    /** Starts the demo on H2 in {@code dataDir} with known passwords. */
    public static DemoFixture start(Path dataDir) throws Exception {
        return start(dataDir, Optional.empty());
    }

    public static DemoFixture start(Path dataDir, Optional<String> jdbcUrl) throws Exception {
        return start(new DemoOptions(0, 0, dataDir, jdbcUrl, Optional.empty()));
    }

    /** Starts the demo with {@code options} and known passwords. */
    public static DemoFixture start(DemoOptions options) throws Exception {
        Map<String, String> env = Map.of("STOREAUTH_OWNER_PASSWORD", OWNER_PASSWORD,
                "STOREAUTH_STAFF_PASSWORD", STAFF_PASSWORD);
        return new DemoFixture(DemoServer.start(options, name -> Optional.ofNullable(env.get(name))),
                options.dataDir());
    }

    /** What {@link #start(Path)} runs with: free ports, H2 in {@code dataDir}, the default store quota. */
    public static DemoOptions options(Path dataDir) {
        return new DemoOptions(0, 0, dataDir, Optional.empty(), Optional.empty());
    }

    /** Test helpers around a demo started elsewhere (closing the fixture closes {@code server}). */
    public static DemoFixture around(DemoServer server, Path dataDir) {
        return new DemoFixture(server, dataDir);
    }

    /** A client with its own cookie jar, trusting only the demo's certificate, not following redirects. */
    public HttpClient client() throws Exception {
        return clientTrusting(server.keystore().certificatePem());
    }

    /** A client with its own cookie jar, trusting only the certificate in {@code pem}, not following redirects. */
    public static HttpClient clientTrusting(Path pem) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            trust.setCertificateEntry("demo", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, factory.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** {@code path} on the HTTPS port by the loopback name the certificate always has, whatever {@code --public-host} is. */
    public URI https(String path) {
        return URI.create("https://localhost:" + server.httpsPort() + path);
    }

    public URI http(String path) {
        return URI.create("http://localhost:" + server.httpPort() + path);
    }

    public String storeHash() {
        return server.storeHash();
    }

    /** Signs {@code client} in; returns the CSRF token. */
    public String signIn(HttpClient client, String email, String password) throws Exception {
        HttpResponse<String> response = trySignIn(client, email, password);
        if (response.statusCode() != 200) {
            throw new AssertionError("sign-in failed: " + response.statusCode() + " " + response.body());
        }
        return json(response).get("csrf_token").asText();
    }

    /** The answer to a sign-in as {@code email} with {@code password}, whatever it is. */
    public HttpResponse<String> trySignIn(HttpClient client, String email, String password) throws Exception {
        return send(client, HttpRequest.newBuilder(https("/manage/login")).header("Content-Type", "application/json")
                .POST(body(Map.of("email", email, "password", password))).build());
    }

    /**
     * Calls management endpoint {@code path} (after {@code /manage/stores/{hash}/}) as a signed-in
     * {@code client}; {@code csrf} and {@code json} may be {@code null} to leave them out.
     */
    public HttpResponse<String> manage(HttpClient client, String csrf, String method, String path, Object json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(https("/manage/stores/" + storeHash() + "/" + path));
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(client, request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : body(json))
                .build());
    }

    public static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public static HttpRequest.BodyPublisher body(Object value) throws Exception {
        return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(value));
    }

    public static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        server.close();
    }
}
