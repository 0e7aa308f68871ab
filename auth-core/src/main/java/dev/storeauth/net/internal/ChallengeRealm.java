package dev.storeauth.net.internal;

import java.util.Objects;

/**
 * The realm of a {@code WWW-Authenticate} challenge, which must fit in a quoted-string unescaped: 1-100
 * characters, no quotes, backslashes or control characters. The filter's authenticator and the token
 * endpoint check theirs by this one rule.
 *
 * <pre>{@code
 * ChallengeRealm.check("My Store API"); // "My Store API"
 * ChallengeRealm.check("say \"hi\"");   // IllegalArgumentException
 * }</pre>
 */
public final class ChallengeRealm {

    private ChallengeRealm() {
    }

    /**
     * {@code realm}, if it fits.
     *
     * @throws IllegalArgumentException if empty, over 100 characters, or holding a quote, backslash or
     *     control character
     * @throws NullPointerException if {@code realm} is null
     */
    public static String check(String realm) {
        Objects.requireNonNull(realm, "realm");
        if (realm.isEmpty() || realm.length() > 100
                || realm.chars().anyMatch(c -> c == '"' || c == '\\' || c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("realm must be 1-100 printable characters without quotes or backslashes");
        }
        return realm;
    }
}
