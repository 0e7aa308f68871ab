package dev.storeauth.bench.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The drivers' view of the fleet: FleetNode's ports on loopback, over one HTTP/1.1 client. */
final class Nodes {

    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    final List<Integer> ports;

    Nodes(List<Integer> ports) {
        this.ports = List.copyOf(ports);
    }

    /** {@code GET /stores/fleet/v3/catalog/products} on node {@code port} with {@code token}. */
    HttpRequest products(int port, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stores/" + FleetNode.STORE
                + "/v3/catalog/products")).header("X-Auth-Token", token).timeout(Duration.ofSeconds(10)).build();
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String revoke(int port, String[] account) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/open/revoke?id="
                + URLEncoder.encode(account[0], StandardCharsets.UTF_8) + "&token="
                + URLEncoder.encode(account[1], StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build()).body();
    }

    HttpRequest delivered(int port, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/open/delivered?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8))).build();
    }

    String stats(int port) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/open/stats")).build()).body();
    }

    /** The lines {@code <id> <token>} FleetSeed wrote, each split in two. */
    static List<String[]> accounts(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(line -> line.split(" ", 2)).toList();
    }

    static List<Integer> ports(String[] args, int from) {
        return Arrays.stream(args, from, args.length).map(Integer::valueOf).toList();
    }

    /** The {@code q}-quantile of sorted {@code values} (nearest rank). */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
