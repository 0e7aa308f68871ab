package dev.storeauth.demo;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures the two sign-in body attacks against an in-process demo and prints medians: the latency
 * of an API call while N connections trickle sign-in bodies, and the server CPU spent refusing a
 * 400 KB sign-in body of repeated keys (Content-Length and chunked), and in refusing an 8 KB one
 * (within the byte cap) by its field count.
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
            String token = HostileSignIns.readerToken(demo);
            HttpClient api = demo.client();
            api.send(HostileSignIns.apiCall(demo, token), java.net.http.HttpResponse.BodyHandlers.discarding());
            List<Long> latency = new ArrayList<>();
            List<Long> lengthCpu = new ArrayList<>();
            List<Long> chunkedCpu = new ArrayList<>();
            List<Long> capCpu = new ArrayList<>();
            byte[] withinCap = HostileSignIns.repeatedKeys(2_000);
            byte[] body = HostileSignIns.repeatedKeys(100_000);
            byte[] chunked = HostileSignIns.chunked(body);
            HostileSignIns.refuse(https, "Content-Length: " + body.length, body);
            HostileSignIns.refuse(https, "Transfer-Encoding: chunked", chunked);
            HostileSignIns.refuse(https, "Content-Length: " + withinCap.length, withinCap);
            for (int run = 1; run <= runs; run++) {
                HostileSignIns.Trickle trickle = HostileSignIns.apiCallDuringTrickle(https, connections, api,
                        HostileSignIns.apiCall(demo, token));
                HostileSignIns.Refusal byLength = HostileSignIns.refuse(https, "Content-Length: " + body.length, body);
                HostileSignIns.Refusal byChunks = HostileSignIns.refuse(https, "Transfer-Encoding: chunked", chunked);
                HostileSignIns.Refusal byFields = HostileSignIns.refuse(https, "Content-Length: " + withinCap.length,
                        withinCap);
                System.out.printf("run %d: trickle %s; %d-byte body: %s, %.1f ms CPU; chunked: %s, %.1f ms CPU;"
                        + " %d-byte body: %s, %.1f ms CPU%n", run, trickle, body.length, byLength.status(),
                        byLength.cpuNanos() / 1e6, byChunks.status(), byChunks.cpuNanos() / 1e6, withinCap.length,
                        byFields.status(), byFields.cpuNanos() / 1e6);
                capCpu.add(byFields.cpuNanos());
                latency.add(trickle.millis());
                lengthCpu.add(byLength.cpuNanos());
                chunkedCpu.add(byChunks.cpuNanos());
            }
            System.out.printf("median of %d runs: API call during %d trickling sign-ins %d ms;"
                    + " 400 KB body refused in %.1f ms server CPU (Content-Length), %.1f ms (chunked);"
                    + " %d bytes of repeated keys refused by the field cap in %.1f ms%n", runs, connections,
                    median(latency), median(lengthCpu) / 1e6, median(chunkedCpu) / 1e6, withinCap.length,
                    median(capCpu) / 1e6);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
