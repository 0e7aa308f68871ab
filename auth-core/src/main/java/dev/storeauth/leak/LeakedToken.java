package dev.storeauth.leak;

import java.util.Objects;

/**
 * One value a scanner reports as leaked, as GitHub secret scanning sends it: the value, the scanner's
 * name for its pattern, where it was found and in what. Bounded so that it fits the audit trail.
 *
 * <pre>{@code
 * LeakedToken leaked = new LeakedToken(token, "storeauth_oauth_access_token",
 *         "https://github.com/octocat/Hello-World/blob/main/app.env", "commit");
 * }</pre>
 *
 * @param token the value found, 1 to {@value #MAX_TOKEN_LENGTH} characters
 * @param type the scanner's name for the pattern that matched, at most {@value #MAX_NAME_LENGTH}
 *     characters, empty when not given; recorded, never trusted to say what the value is
 * @param url where it was found, at most {@value #MAX_URL_LENGTH} characters, empty when not given
 * @param source what it was found in ({@code commit}, {@code issue_comment}...), at most
 *     {@value #MAX_NAME_LENGTH} characters, empty when not given
 */
public record LeakedToken(String token, String type, String url, String source) {

    /** The longest value accepted: every credential of ours is far shorter. */
    public static final int MAX_TOKEN_LENGTH = 1024;
    /** The longest {@code url} accepted. */
    public static final int MAX_URL_LENGTH = 2048;
    /** The longest {@code type} and {@code source} accepted. */
    public static final int MAX_NAME_LENGTH = 200;

    /**
     * @throws IllegalArgumentException naming the field that is empty (the token) or too long
     */
    public LeakedToken {
        Objects.requireNonNull(token, "token");
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw new IllegalArgumentException("token must be 1-" + MAX_TOKEN_LENGTH + " characters");
        }
        requireAtMost(type, "type", MAX_NAME_LENGTH);
        requireAtMost(url, "url", MAX_URL_LENGTH);
        requireAtMost(source, "source", MAX_NAME_LENGTH);
    }

    private static void requireAtMost(String text, String field, int max) {
        Objects.requireNonNull(text, field);
        if (text.length() > max) {
            throw new IllegalArgumentException(field + " must be at most " + max + " characters");
        }
    }

    /** Shows the token's first four characters and its length only: it may be a live secret. */
    @Override
    public String toString() {
        return "LeakedToken[token=" + token.substring(0, Math.min(4, token.length())) + "…(" + token.length()
                + " characters), type=" + type + ", url=" + url + ", source=" + source + "]";
    }
}
