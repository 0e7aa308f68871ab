package dev.storeauth.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The platform's Node.js clients the conformance suite runs, at the versions
 * {@code src/test/node/package-lock.json} pins, each with its script there and what differs between
 * them by design: the path it builds for a v2 list, whether it sends {@code X-Auth-Client}, how it
 * reports a 404, and what its errors keep.
 */
enum RealClient {

    NODE_BIGCOMMERCE("node-bigcommerce", "4.1.0", "/v2/orders", true, false, false),
    BIGCOMMERCE_API_CLIENT("bigcommerce-api-client", "0.7.19", "/v2/orders?limit=250", false, true, true);

    /** The name every client connects to; the demo runs with it as {@code --public-host}. */
    static final String PLATFORM_HOST = "api.bigcommerce.com";
    /** The GETs one after another of mode {@code quota}. */
    static final int BURST = 8;

    final String npmName;
    final String version;
    /** The path after {@code /stores/{hash}} of its call listing v2 orders. */
    final String v2OrdersPath;
    /** Whether it sends the account's client ID in {@code X-Auth-Client}. */
    final boolean sendsClientId;
    /** Whether a GET answered 404 returns {@code null} ({@code failOn404: false}) instead of throwing. */
    final boolean missingIsNull;
    /** Whether its error keeps the response's headers ({@code err.cause.response}), not just status and body. */
    final boolean errorKeepsHeaders;

    RealClient(String npmName, String version, String v2OrdersPath, boolean sendsClientId, boolean missingIsNull,
            boolean errorKeepsHeaders) {
        this.npmName = npmName;
        this.version = version;
        this.v2OrdersPath = v2OrdersPath;
        this.sendsClientId = sendsClientId;
        this.missingIsNull = missingIsNull;
        this.errorKeepsHeaders = errorKeepsHeaders;
    }

    /** Every client's package and version, as {@link NodeClients#installed} takes them. */
    static Map<String, String> packages() {
        return Arrays.stream(values()).collect(Collectors.toMap(c -> c.npmName, c -> c.version));
    }

    /**
     * Runs its script in {@code mode} against {@code demo} with {@code accounts} (role, such as
     * {@code FULL}, to the account's JSON as created), doing {@code pauses} when it waits.
     */
    JsonNode run(Path modules, PackagedDemo demo, String mode, Map<String, JsonNode> accounts,
            Map<String, NodeClients.Pause> pauses) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("DEMO_PORT", Integer.toString(demo.httpsPort),
                "DEMO_CA", demo.certificate.toString(), "STORE_HASH", demo.storeHash, "MODE", mode,
                "REQUESTS", Integer.toString(BURST)));
        accounts.forEach((role, account) -> {
            env.put(role + "_CLIENT_ID", account.get("client_id").asText());
            env.put(role + "_TOKEN", account.get("access_token").asText());
        });
        List<String> secrets = accounts.values().stream().map(a -> a.get("access_token").asText()).toList();
        return NodeClients.run(modules, NodeClients.NODE_DIR.resolve(npmName + "-conformance.js"), env, pauses,
                120, secrets);
    }

    @Override
    public String toString() {
        return npmName + " " + version;
    }
}
