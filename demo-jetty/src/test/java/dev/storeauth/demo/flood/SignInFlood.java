package dev.storeauth.demo.flood;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeauth.demo.DemoFixture;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Failed sign-ins from many client addresses (127.0.0.2 onwards) against a running demo while one
 * client calls the store API at a steady rate: the API's latency before and during the flood, and
 * how many password hashes the flood made the server run (every 401 is one).
 */
final class SignInFlood {

    /**
     * What to run: {@code addresses} flooding workers, each sending {@code signInsPerSecond} (0:
     * back to back), valid API calls per second, the phases' lengths, and whether the sign-ins
     * carry a password (without, each is a 400 before any check: the flood's cost without hashes).
     */
    record Settings(int addresses, int signInsPerSecond, int apiCallsPerSecond, Duration baseline,
            Duration flood, boolean withPasswords) {

        Settings {
            if (addresses < 1 || addresses > 250 || signInsPerSecond < 0 || apiCallsPerSecond < 1) {
                throw new IllegalArgumentException("1-250 addresses, a rate not negative, a positive API rate");
            }
        }
    }

    /** The figures of one run; {@code signIns} counts the flood's answers by status (-1: connection error). */
    record Result(Latencies baseline, Latencies during, Map<Integer, Integer> signIns, int connections) {

        int hashes() {
            return signIns.getOrDefault(401, 0) + signIns.getOrDefault(200, 0);
        }

        @Override
        public String toString() {
            return "API before: " + baseline + "\nAPI during: " + during + "\nsign-ins by status " + signIns
                    + " over " + connections + " connections, password hashes " + hashes();
        }
    }

    /** The flood runs this long before the API is measured: the JIT compiles its TLS and sign-in paths once. */
    static final Duration FLOOD_WARM_UP = Duration.ofSeconds(5);

    private SignInFlood() {
    }

    static Result run(DemoFixture demo, Settings settings) throws Exception {
        SSLContext tls = tls(demo);
        ApiProbe probe = new ApiProbe(HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .build(), demo.https("/stores/" + demo.storeHash() + "/v3/catalog/products"), apiToken(demo));
        probe.warmUp(500);
        Latencies baseline = probe.measure(settings.apiCallsPerSecond(), settings.baseline());
        Map<Integer, Integer> statuses = FloodWorker.newStatusCounts();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < settings.addresses(); i++) {
            InetAddress local = InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (2 + i)});
            Thread worker = new Thread(new FloodWorker(tls, demo.server.httpsPort(), local, stop, statuses,
                    1_000_000, settings.signInsPerSecond(), settings.withPasswords()), "flood-" + i);
            worker.start();
            workers.add(worker);
        }
        Latencies during;
        try {
            probe.measure(settings.apiCallsPerSecond(), FLOOD_WARM_UP);
            during = probe.measure(settings.apiCallsPerSecond(), settings.flood());
        } finally {
            stop.set(true);
            for (Thread worker : workers) {
                worker.join(60_000);
            }
        }
        Map<Integer, Integer> answers = new TreeMap<>(statuses);
        Integer connections = answers.remove(FloodWorker.CONNECTIONS);
        return new Result(baseline, during, answers, connections == null ? 0 : connections);
    }

    private static String apiToken(DemoFixture demo) throws Exception {
        HttpClient owner = demo.client();
        String csrf = demo.signIn(owner, "owner@example.com", DemoFixture.OWNER_PASSWORD);
        JsonNode created = DemoFixture.json(demo.manage(owner, csrf, "POST", "api-accounts",
                Map.of("name", "Flood probe", "scopes", Map.of("products", "read-only"))));
        return created.get("access_token").asText();
    }

    /** Trusts the demo's self-signed certificate only. */
    private static SSLContext tls(DemoFixture demo) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream pem = Files.newInputStream(demo.server.keystore().certificatePem())) {
            trust.setCertificateEntry("demo", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, factory.getTrustManagers(), null);
        return tls;
    }
}
