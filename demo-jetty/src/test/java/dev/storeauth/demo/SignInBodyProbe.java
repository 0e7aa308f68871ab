package dev.storeauth.demo;

import static dev.storeauth.demo.DemoFixture.json;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures the two sign-in body attacks against an in-process demo and prints medians: the latency
 * of an API call while N connections trickle sign-in bodies, and the server CPU spent refusing a
 * 400 KB sign-in body of repeated keys (Content-Length and chunked).
 *
 * Not a test (surefire's default includes leave it out; {@link SignInBodyTest} asserts the bounds):
 * run it on purpose, with the number of runs and of trickling connections:
 *
 * <pre>
 * mvn -B -o -q -pl demo-jetty -am test -Dtest=SignInBodyProbe -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dprobe.runs=5 -Dprobe.connections=200
 * </pre>
 */
class SignInBodyProbe {

    @Test
    @EnabledIfSystemProperty(named = "probe.runs", matches = "[1-9][0-9]*")
    void measure(@TempDir Path dataDir) throws Exception {
        int runs = Integer.parseInt(System.getProperty("probe.runs"));
        int connections = Integer.parseInt(System.getProperty("probe.connections", "200"));
        try (DemoFixture demo = DemoFixture.start(dataDir)) {
            RawHttps https = new RawHttps(demo);
            String token = token(demo);
            HttpClient api = demo.client();
            api.send(HostileSignIns.apiCall(demo, token), java.net.http.HttpResponse.BodyHandlers.discarding());
            List<Long> latency = new ArrayList<>();
            List<Long> lengthCpu = new ArrayList<>();
            List<Long> chunkedCpu = new ArrayList<>();
            byte[] body = HostileSignIns.repeatedKeys(100_000);
            byte[] chunked = HostileSignIns.chunked(body);
            HostileSignIns.refuse(https, "Content-Length: " + body.length, body);
            HostileSignIns.refuse(https, "Transfer-Encoding: chunked", chunked);
            for (int run = 1; run <= runs; run++) {
                HostileSignIns.Trickle trickle = HostileSignIns.apiCallDuringTrickle(https, connections, api,
                        HostileSignIns.apiCall(demo, token));
                HostileSignIns.Refusal byLength = HostileSignIns.refuse(https, "Content-Length: " + body.length, body);
                HostileSignIns.Refusal byChunks = HostileSignIns.refuse(https, "Transfer-Encoding: chunked", chunked);
                System.out.printf("run %d: trickle %s; %d-byte body: %s, %.1f ms CPU; chunked: %s, %.1f ms CPU%n",
                        run, trickle, body.length, byLength.status(), byLength.cpuNanos() / 1e6, byChunks.status(),
                        byChunks.cpuNanos() / 1e6);
                latency.add(trickle.millis());
                lengthCpu.add(byLength.cpuNanos());
                chunkedCpu.add(byChunks.cpuNanos());
            }
            System.out.printf("median of %d runs: API call during %d trickling sign-ins %d ms;"
                    + " 400 KB body refused in %.1f ms server CPU (Content-Length), %.1f ms (chunked)%n",
                    runs, connections, median(latency), median(lengthCpu) / 1e6, median(chunkedCpu) / 1e6);
        }
    }

    /** A new API account's token that may read everything. */
    static String token(DemoFixture demo) throws Exception {
        HttpClient owner = demo.client();
        String csrf = demo.signIn(owner, "owner@example.com", DemoFixture.OWNER_PASSWORD);
        return json(demo.manage(owner, csrf, "POST", "api-accounts", Map.of("name", "Probe", "scopes",
                Map.of("products", "read-only", "orders", "read-only", "customers", "read-only",
                        "information_settings", "read-only")))).get("access_token").asText();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
