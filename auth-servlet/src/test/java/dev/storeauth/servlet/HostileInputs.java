package dev.storeauth.servlet;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A seeded generator of hostile requests: mutated credentials and paths. */
final class HostileInputs {

    /**
     * One request.
     *
     * @param method HTTP method
     * @param path servlet path
     * @param headers lower-case header name to values
     */
    record Input(String method, String path, Map<String, List<String>> headers) {
    }

    private static final String[] PATHS = {
        "/stores/store1/v2/products", "/stores/store1/v3/catalog/products", "/stores/store1/v2/hooks",
        "/stores/store2/v2/../../store1/v2/products", "/stores/store1/v2/..%2F..%2Fstore2", "/stores/STORE1/v2/x",
        "/stores//v2/products", "/stores/store1/v4/products", "/stores/store1\\v2", "/stores/store1/v2/products;x=1",
        "/", "", "/stores/store1/v2/\u0000", "/stores/store1/v2/unmapped",
    };
    private static final String[] SCHEMES = {"Basic", "basic", "BASIC", "Bearer", "bearer", "Digest", "", "Basic  "};

    private final Random random;
    private final TestAccounts accounts;

    HostileInputs(Random random, TestAccounts accounts) {
        this.random = random;
        this.accounts = accounts;
    }

    Input next() {
        String path = PATHS[random.nextInt(PATHS.length)];
        String method = random.nextInt(10) == 0 ? "DELETE" : "GET";
        return switch (random.nextInt(5)) {
            case 0 -> new Input(method, path, Map.of("authorization", List.of(authorization())));
            case 1 -> new Input(method, path, Map.of("x-auth-token", List.of(token())));
            case 2 -> new Input(method, path, Map.of("authorization", List.of(authorization(), authorization())));
            case 3 -> new Input(method, path, Map.of("authorization", List.of(authorization()), "x-auth-token", List.of(token())));
            default -> new Input(method, path, Map.of("x-auth-token", List.of(token(), token())));
        };
    }

    private String authorization() {
        String scheme = SCHEMES[random.nextInt(SCHEMES.length)];
        String credentials = switch (random.nextInt(4)) {
            case 0 -> Base64.getEncoder().encodeToString(userPass().getBytes(StandardCharsets.UTF_8));
            case 1 -> Base64.getEncoder().encodeToString(randomBytes());
            case 2 -> token();
            default -> new String(randomBytes(), StandardCharsets.ISO_8859_1);
        };
        return scheme + " " + credentials + (random.nextBoolean() ? "" : " \t");
    }

    private String userPass() {
        String user = random.nextBoolean() ? "alice" : new String(randomBytes(), StandardCharsets.ISO_8859_1);
        return user + ":".repeat(1 + random.nextInt(3)) + mutate(accounts.legacyToken);
    }

    private String token() {
        return switch (random.nextInt(4)) {
            case 0 -> mutate(accounts.readOnlyToken);
            case 1 -> new String(randomBytes(), StandardCharsets.ISO_8859_1);
            case 2 -> "x".repeat(random.nextInt(10_000));
            default -> mutate(accounts.modifyToken) + "=";
        };
    }

    /** The secret with one character changed, so it is never valid (and almost never well-formed). */
    private String mutate(String secret) {
        char[] chars = secret.toCharArray();
        int at = random.nextInt(chars.length);
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        return new String(chars);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[random.nextInt(64)];
        random.nextBytes(bytes);
        return bytes;
    }
}
