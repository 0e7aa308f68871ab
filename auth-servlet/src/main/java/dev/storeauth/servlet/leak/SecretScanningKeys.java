package dev.storeauth.servlet.leak;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The keys GitHub signs secret-scanning reports with, read from a file in the format GitHub publishes
 * them in ({@code https://api.github.com/meta/public_keys/secret_scanning}):
 *
 * <pre>{@code
 * {"public_keys": [{"key_identifier": "bcb53661c06b4728...", "key": "-----BEGIN PUBLIC KEY-----\n...", "is_current": true}]}
 * }</pre>
 *
 * Every listed key is accepted, current or not, so a report signed just before GitHub rotates still
 * verifies; drop a retired key from the file to stop accepting it. Each key must be an EC key on P-256
 * (secp256r1); a report's signature is ECDSA with SHA-256 over the exact body bytes, DER-encoded.
 *
 * <pre>{@code
 * SecretScanningKeys keys = SecretScanningKeys.load(Path.of("/etc/storeauth/github-secret-scanning.json"));
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class SecretScanningKeys {

    /** The largest key file read. */
    public static final int MAX_FILE_BYTES = 1024 * 1024;
    /** The most keys a file may list. */
    public static final int MAX_KEYS = 100;
    /** The longest key identifier accepted. */
    public static final int MAX_IDENTIFIER_LENGTH = 256;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, PublicKey> byIdentifier;

    private SecretScanningKeys(Map<String, PublicKey> byIdentifier) {
        this.byIdentifier = Map.copyOf(byIdentifier);
    }

    /**
     * Reads the key file at {@code file}.
     *
     * @throws IOException if it cannot be read
     * @throws IllegalArgumentException naming what is wrong with its content (e.g. {@code public_keys[1].key})
     */
    public static SecretScanningKeys load(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new IllegalArgumentException(file + " is larger than " + MAX_FILE_BYTES + " bytes");
        }
        return parse(new String(bytes, StandardCharsets.UTF_8));
    }

    /**
     * Reads keys in GitHub's format.
     *
     * @throws IllegalArgumentException naming what is wrong: not that JSON, no key, more than
     *     {@value #MAX_KEYS}, an identifier repeated, empty or longer than {@value #MAX_IDENTIFIER_LENGTH},
     *     a key that is not a PEM public key on P-256
     */
    public static SecretScanningKeys parse(String json) {
        JsonNode keys;
        try {
            keys = JSON.readTree(json).path("public_keys");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the key file is not JSON");
        }
        if (!keys.isArray() || keys.isEmpty() || keys.size() > MAX_KEYS) {
            throw new IllegalArgumentException("public_keys must be an array of 1-" + MAX_KEYS + " keys");
        }
        Map<String, PublicKey> byIdentifier = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            String id = keys.get(i).path("key_identifier").asText("");
            if (id.isEmpty() || id.length() > MAX_IDENTIFIER_LENGTH || byIdentifier.containsKey(id)) {
                throw new IllegalArgumentException("public_keys[" + i + "].key_identifier must be 1-"
                        + MAX_IDENTIFIER_LENGTH + " characters, and not repeated");
            }
            byIdentifier.put(id, PemKeys.p256(keys.get(i).path("key").asText(""), "public_keys[" + i + "].key"));
        }
        return new SecretScanningKeys(byIdentifier);
    }

    /** The identifiers of the keys, as GitHub sends them in {@code Github-Public-Key-Identifier}. */
    public Set<String> identifiers() {
        return byIdentifier.keySet();
    }

    /** Whether a key has {@code identifier}. */
    public boolean has(String identifier) {
        return byIdentifier.containsKey(Objects.requireNonNull(identifier, "identifier"));
    }

    /**
     * Whether {@code signature} (DER-encoded ECDSA) is the key {@code identifier}'s SHA-256 signature of
     * {@code body}; {@code false} for an unknown identifier or a malformed signature, never an exception.
     */
    public boolean verifies(String identifier, byte[] body, byte[] signature) {
        PublicKey key = byIdentifier.get(Objects.requireNonNull(identifier, "identifier"));
        if (key == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key);
            verifier.update(body);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // A signature that is not DER, or of the wrong length, is simply not this key's.
            return false;
        }
    }

    @Override
    public String toString() {
        return "SecretScanningKeys" + byIdentifier.keySet();
    }
}
