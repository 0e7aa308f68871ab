package dev.storeauth.repository.jdbc;

import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.policy.internal.StoreHash;
import dev.storeauth.repository.AccountChange;
import dev.storeauth.repository.LookupKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The text form of a {@link LookupKey}, as the change table's {@code lookup_key} column and the
 * PostgreSQL notification payload carry it: {@code username:{storeHash}:{username}} for a legacy
 * account, {@code token-digest:{64 hex digits}} for an OAuth account. Keys are identifiers and
 * digests, never secrets, so the text is safe to publish.
 *
 * <p>Neither a store hash nor a username can contain {@code ':'}, so text that decodes at all decodes
 * to the key that was encoded. Whatever does not decode (text of another version, a row written
 * without a key) is a change to an unknown account: {@link AccountChange.Unknown}, which is safe.
 *
 * <pre>{@code
 * String text = LookupKeyText.encode(LookupKey.of(account)).orElseThrow();
 * AccountChange change = LookupKeyText.changeOf(List.of(text)).orElseThrow();   // Changed([key])
 * }</pre>
 */
final class LookupKeyText {

    private static final String USERNAME = "username:";
    private static final String TOKEN_DIGEST = "token-digest:";

    private LookupKeyText() {
    }

    /** The text of {@code key}; empty for a key no stored account can have (it would not decode). */
    static Optional<String> encode(LookupKey key) {
        if (key instanceof LookupKey.ByTokenDigest byDigest) {
            return Optional.of(TOKEN_DIGEST + byDigest.digest().toHex());
        }
        if (key instanceof LookupKey.ByUsername byUser && StoreHash.isValid(byUser.storeHash())
                && LegacyAccount.isValidUsername(byUser.username())) {
            return Optional.of(USERNAME + byUser.storeHash() + ":" + byUser.username());
        }
        return Optional.empty();
    }

    /** The key {@code text} names; empty for {@code null} or text {@link #encode} cannot have written. */
    static Optional<LookupKey> decode(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.startsWith(TOKEN_DIGEST)) {
            String hex = text.substring(TOKEN_DIGEST.length());
            try {
                return Optional.of(new LookupKey.ByTokenDigest(SecretDigest.fromHex(hex)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        int colon = text.indexOf(':', USERNAME.length());
        if (!text.startsWith(USERNAME) || colon < 0) {
            return Optional.empty();
        }
        String storeHash = text.substring(USERNAME.length(), colon);
        String username = text.substring(colon + 1);
        return StoreHash.isValid(storeHash) && LegacyAccount.isValidUsername(username)
                ? Optional.of(new LookupKey.ByUsername(storeHash, username)) : Optional.empty();
    }

    /**
     * One change for texts read together: {@link AccountChange.Changed} with their keys, or
     * {@link AccountChange.Unknown} if any does not decode; empty for no texts.
     */
    static Optional<AccountChange> changeOf(List<String> texts) {
        if (texts.isEmpty()) {
            return Optional.empty();
        }
        List<LookupKey> keys = new ArrayList<>(texts.size());
        for (String text : texts) {
            Optional<LookupKey> key = decode(text);
            if (key.isEmpty()) {
                return Optional.of(new AccountChange.Unknown());
            }
            keys.add(key.get());
        }
        return Optional.of(new AccountChange.Changed(keys));
    }
}
