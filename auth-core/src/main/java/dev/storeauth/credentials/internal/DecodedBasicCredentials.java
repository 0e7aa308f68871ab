package dev.storeauth.credentials.internal;

import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.credentials.SecretDigester;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * HTTP Basic credentials as {@link CredentialParser#parseInPlace} decodes them: the username as a
 * string, the token left as the UTF-8 bytes it arrived as, so that it is checked and digested
 * without ever being copied into a string. The bytes never leave this object.
 *
 * <p>{@code toString()} never shows the token. Not for sharing between threads.
 */
public final class DecodedBasicCredentials implements Credentials {

    private final String username;
    private final byte[] decoded;
    private final int tokenStart;

    /** Takes ownership of {@code decoded}: {@code username:token}, the token starting at {@code tokenStart}. */
    DecodedBasicCredentials(String username, byte[] decoded, int tokenStart) {
        this.username = Objects.requireNonNull(username, "username");
        this.decoded = decoded;
        this.tokenStart = tokenStart;
    }

    /** The user-id part, never empty, free of control characters. */
    public String username() {
        return username;
    }

    /** The token's length in bytes. */
    public int tokenLength() {
        return decoded.length - tokenStart;
    }

    /** {@link SecretFormat#isWellFormed} of the token. */
    public boolean tokenIsWellFormed(SecretKind kind) {
        return SecretFormat.isWellFormed(kind, decoded, tokenStart, tokenLength());
    }

    /** Whether the token digests to {@code expected}, compared in constant time; allocates nothing. */
    public boolean tokenMatches(SecretDigester digester, SecretDigest expected) {
        return digester.matches(expected, decoded, tokenStart, tokenLength());
    }

    /**
     * Which of {@code first} and {@code second} the token digests to, as
     * {@link SecretDigester#indexOfMatch}: digested once, compared with both in constant time.
     */
    public int tokenMatchIndex(SecretDigester digester, SecretDigest first, SecretDigest second) {
        return digester.indexOfMatch(first, second, decoded, tokenStart, tokenLength());
    }

    /** The same credentials with the token as a string. */
    public BasicCredentials toCredentials() {
        return new BasicCredentials(username,
                new String(decoded, tokenStart, tokenLength(), StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "DecodedBasicCredentials[username=" + username + ", token=***]";
    }
}
