package dev.storeauth.lifecycle;

import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import java.util.Optional;

/**
 * The rules for the names an owner gives new accounts, stricter than what the account records
 * accept (which must also read accounts created before these rules): a name must be addressable in
 * a URL path segment and must not change how the text around it is shown wherever it is displayed
 * or written (control panel, audit log, the downloadable credentials file). Stateless.
 */
final class AccountNames {

    private static final String USERNAME_GRAMMAR = "letters, digits and . _ @ + -";

    private AccountNames() {
    }

    /**
     * Why {@code username} cannot be a new legacy username, or empty if it can: 1-64 of
     * {@link #USERNAME_GRAMMAR}, and not {@code .} or {@code ..}, which containers resolve as dot
     * segments (RFC 3986 section 5.2.4) in every encoding, so no management URL could reach it.
     */
    static Optional<String> legacyUsernameProblem(String username) {
        if (username == null || username.isEmpty() || username.length() > LegacyAccount.MAX_USERNAME_LENGTH) {
            return Optional.of("username must be 1-" + LegacyAccount.MAX_USERNAME_LENGTH + " characters of "
                    + USERNAME_GRAMMAR);
        }
        if (!LegacyAccount.isValidUsername(username)) {
            int bad = username.codePoints().filter(cp -> !LegacyAccount.isValidUsername(Character.toString(cp)))
                    .findFirst().orElseThrow();
            return Optional.of("username must not contain " + describe(bad) + " (allowed: "
                    + USERNAME_GRAMMAR + ")");
        }
        if (username.equals(".") || username.equals("..")) {
            return Optional.of("username must not be . or .. (a URL path cannot address it)");
        }
        return Optional.empty();
    }

    /**
     * Why {@code name} cannot be a new OAuth account's name, or empty if it can: no
     * {@linkplain #isUnsafe unsafe} code point, and 4-100 characters once stripped of surrounding
     * white space.
     */
    static Optional<String> oauthNameProblem(String name) {
        Optional<String> unsafe = name.codePoints().filter(AccountNames::isUnsafe).mapToObj(AccountNames::describe)
                .findFirst();
        if (unsafe.isPresent()) {
            return Optional.of("name must not contain " + unsafe.get());
        }
        int length = name.strip().length();
        if (length < OAuthAccount.MIN_NAME_LENGTH || length > OAuthAccount.MAX_NAME_LENGTH) {
            return Optional.of("name must be " + OAuthAccount.MIN_NAME_LENGTH + "-" + OAuthAccount.MAX_NAME_LENGTH
                    + " characters");
        }
        return Optional.empty();
    }

    /**
     * Whether {@code id} could be a stored OAuth account's id: 1-64 characters without an
     * {@linkplain #isUnsafe unsafe} one. The lifecycle makes UUIDs; and PostgreSQL cannot even
     * compare a string with NUL in it, so asking the repository would fail instead of finding nothing.
     */
    static boolean couldBeOAuthId(String id) {
        return !id.isEmpty() && id.length() <= 64 && id.codePoints().noneMatch(AccountNames::isUnsafe);
    }

    /**
     * Whether {@code cp} would let a name fake or hide text: controls (C0, DEL, C1), line and
     * paragraph separators, format characters (bidi embeddings, overrides, isolates and marks,
     * zero-width spaces and joiners, the byte order mark, soft hyphen, tag characters), and unpaired
     * surrogates, which PostgreSQL would store as {@code ?}. The whole format category is refused
     * rather than a list, so that characters Unicode adds to it are refused too.
     */
    static boolean isUnsafe(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE -> true;
            default -> false;
        };
    }

    private static String describe(int cp) {
        String code = String.format("U+%04X", cp);
        if (Character.getType(cp) == Character.SURROGATE) {
            return "an unpaired surrogate " + code;
        }
        String unicodeName = Character.getName(cp);
        return unicodeName == null ? code : code + " " + unicodeName;
    }
}
