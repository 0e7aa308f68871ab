package dev.storeauth.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One audit-trail entry as written: who did what, where from, to which account of which store, and
 * when. Written by the repository in the same transaction as the change it records. Never holds a
 * secret: {@code detail} carries only names, times and addresses.
 *
 * <pre>{@code
 * AuditEntry entry = AuditEntry.of(clock.instant(), "owner@example.com", AuditAction.OAUTH_TOKEN_ROLLED, "abc123")
 *         .forAccount(account.id())
 *         .from("203.0.113.7")
 *         .with("old_token_expires_at", "2026-12-02T10:00:00Z");
 * }</pre>
 *
 * @param at when the change was made
 * @param actor who made it: a user id, or {@link #SYSTEM} for what storeauth does itself (an expiry)
 * @param action what happened
 * @param storeHash the store, empty for an event of no store (a sign-in refused for an unknown user)
 * @param accountId the account, empty for an event of no account (a policy change, a sign-in)
 * @param clientAddress the actor's client address, when known
 * @param detail further facts, sorted by name; values up to {@value #MAX_DETAIL_VALUE} characters; copied
 */
public record AuditEntry(Instant at, String actor, AuditAction action, Optional<String> storeHash,
        Optional<String> accountId, Optional<String> clientAddress, Map<String, String> detail) {

    /** The actor of what storeauth does on its own schedule. */
    public static final String SYSTEM = "storeauth";
    /** The longest actor, store hash, account id, address or detail name stored. */
    public static final int MAX_TEXT = 200;
    /** The longest detail value stored. */
    public static final int MAX_DETAIL_VALUE = 4000;

    /**
     * @throws IllegalArgumentException if a text is empty or longer than {@value #MAX_TEXT} characters
     */
    public AuditEntry {
        Objects.requireNonNull(at, "at");
        requireText(actor, "actor");
        Objects.requireNonNull(action, "action");
        storeHash.ifPresent(s -> requireText(s, "storeHash"));
        accountId.ifPresent(s -> requireText(s, "accountId"));
        clientAddress.ifPresent(s -> requireText(s, "clientAddress"));
        TreeMap<String, String> sorted = new TreeMap<>();
        detail.forEach((name, value) -> sorted.put(requireText(name, "detail name"),
                requireText(value, "detail value", MAX_DETAIL_VALUE)));
        detail = Collections.unmodifiableMap(sorted);
    }

    /** An entry of {@code storeHash} with no account, address or detail yet. */
    public static AuditEntry of(Instant at, String actor, AuditAction action, String storeHash) {
        return new AuditEntry(at, actor, action, Optional.of(storeHash), Optional.empty(), Optional.empty(), Map.of());
    }

    /** This entry about {@code accountId}. */
    public AuditEntry forAccount(String accountId) {
        return new AuditEntry(at, actor, action, storeHash, Optional.of(accountId), clientAddress, detail);
    }

    /** This entry made from {@code address}, or unchanged when it is empty. */
    public AuditEntry from(Optional<String> address) {
        return new AuditEntry(at, actor, action, storeHash, accountId, address, detail);
    }

    /** This entry with one more detail. */
    public AuditEntry with(String name, String value) {
        TreeMap<String, String> more = new TreeMap<>(detail);
        more.put(name, value);
        return new AuditEntry(at, actor, action, storeHash, accountId, clientAddress, more);
    }

    private static String requireText(String text, String what) {
        return requireText(text, what, MAX_TEXT);
    }

    private static String requireText(String text, String what, int max) {
        Objects.requireNonNull(text, what);
        if (text.isEmpty() || text.length() > max) {
            throw new IllegalArgumentException(what + " must be 1-" + max + " characters");
        }
        return text;
    }
}
