package dev.storeauth.grant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.ResourceDefinition;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.policy.Scopes;
import dev.storeauth.repository.TestAccounts;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The payload is laid out as documented, and its tag is the JDK's HMAC-SHA256 of what it signs. */
class TokenFormatTest {

    private final OAuthAccount account = TestAccounts.oauth("store1", 1);

    @ParameterizedTest(name = "a {0}-byte key")
    @ValueSource(ints = {32, 63, 64, 65, 100})
    void thePayloadIsKeyIdDigestExpiryScopesAndAStandardHmacTag(int keyLength) throws Exception {
        byte[] key = new byte[keyLength];
        Arrays.fill(key, (byte) keyLength);
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        ShortLivedTokens tokens = ShortLivedTokens.builder(key).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
        String token = tokens.issue(account, Scopes.of(Map.of("orders", AccessLevel.READ_ONLY))).token();
        byte[] payload = Base64.getUrlDecoder().decode(token.substring(4, token.length() - 6));

        assertEquals(57, payload.length);
        assertEquals(MessageDigest.getInstance("SHA-256").digest(key)[0], payload[0]);
        assertArrayEquals(account.accessTokenDigest().toBytes(), Arrays.copyOfRange(payload, 1, 33));
        assertEquals(now.getEpochSecond() + 3600, new java.math.BigInteger(1, Arrays.copyOfRange(payload, 33, 38)).longValue());
        // orders is the catalogue's second resource: bits 2-3 of the little-endian scope field hold read-only (1).
        assertArrayEquals(new byte[] {0b0100, 0, 0}, Arrays.copyOfRange(payload, 38, 41));
        assertArrayEquals(expectedTag(key, Arrays.copyOf(payload, 41)), Arrays.copyOfRange(payload, 41, 57));
    }

    private static byte[] expectedTag(byte[] key, byte[] signed) throws Exception {
        ByteArrayOutputStream ids = new ByteArrayOutputStream();
        for (ResourceDefinition resource : ScopeCatalogue.defaults().resources()) {
            ids.write((resource.id() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        byte[] fingerprint = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(ids.toByteArray()), 8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update(signed);
        return Arrays.copyOf(mac.doFinal(fingerprint), 16);
    }
}
