package dev.storeauth.repository;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.accounts.ShortLivedAccount;
import dev.storeauth.audit.AuditEntry;
import dev.storeauth.audit.AuditEvent;
import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.policy.CredentialPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A thread-safe {@link AccountRepository} in memory, for tests and for embedding where accounts
 * need not survive a restart. Lookups are lock-free; writes are serialised, which makes the
 * per-store limit exact and each write and its audit entry one step. Never throws
 * {@link RepositoryUnavailableException}.
 */
public final class InMemoryAccountRepository implements AccountRepository {

    private final Map<LookupKey, Account> byKey = new ConcurrentHashMap<>();
    private final Map<String, Account> byId = new ConcurrentHashMap<>();
    private final Map<String, OAuthAccount> byClientId = new ConcurrentHashMap<>();
    private final Map<SecretDigest, ShortLivedAccount> shortLived = new ConcurrentHashMap<>();
    private final Map<String, Usage> lastUsed = new ConcurrentHashMap<>();
    private final Map<String, CredentialPolicy> policies = new ConcurrentHashMap<>();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();

    /** An empty repository. */
    public InMemoryAccountRepository() {
    }

    @Override
    public Optional<Account> find(LookupKey key) {
        Account found = byKey.get(key);
        if (found == null && key instanceof LookupKey.ByTokenDigest byDigest) {
            return Optional.ofNullable(bound(shortLived.get(byDigest.digest())));
        }
        return Optional.ofNullable(found);
    }

    /**
     * {@inheritDoc} Expiry is the caller's to check here: a token past its expiry is still found until
     * pruned, and the authenticator refuses it by its {@code expiresAt}.
     */
    @Override
    public synchronized boolean insertShortLivedToken(ShortLivedAccount token, Instant issuedAt) {
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (bound(token) == null) {
            return false;
        }
        if (shortLived.containsKey(token.tokenDigest()) || byKey.containsKey(new LookupKey.ByTokenDigest(token.tokenDigest()))) {
            throw new IllegalStateException("duplicate short-lived token");
        }
        shortLived.put(token.tokenDigest(), token);
        return true;
    }

    @Override
    public synchronized boolean deleteShortLivedToken(SecretDigest digest, AuditEntry entry) {
        Objects.requireNonNull(entry, "audit");
        if (shortLived.remove(Objects.requireNonNull(digest, "digest")) == null) {
            return false;
        }
        audit.add(entry);
        return true;
    }

    @Override
    public synchronized int pruneShortLivedTokens(Instant now) {
        int before = shortLived.size();
        shortLived.values().removeIf(token -> bound(token) == null || !now.isBefore(token.expiresAt().get()));
        return before - shortLived.size();
    }

    /** {@code token} with its account as stored now, or {@code null} when it is gone or rolled. */
    private ShortLivedAccount bound(ShortLivedAccount token) {
        if (token == null || !(byId.get(token.account().id()) instanceof OAuthAccount stored)
                || !stored.accessTokenDigest().equals(token.account().accessTokenDigest())) {
            return null;
        }
        return stored.equals(token.account()) ? token
                : new ShortLivedAccount(stored, token.tokenDigest(), token.scopes(), token.expiresAt());
    }

    @Override
    public synchronized boolean insertOAuthAccount(OAuthAccount account, int limit, AuditEntry entry) {
        if (countOAuth(account.storeHash()) >= limit) {
            return false;
        }
        if (byId.containsKey(account.id()) || byClientId.containsKey(account.clientId())
                || LookupKey.allOf(account).stream().anyMatch(byKey::containsKey)) {
            throw new IllegalStateException("duplicate OAuth account id, client ID or access token");
        }
        put(account);
        audit.add(entry);
        return true;
    }

    @Override
    public List<OAuthAccount> oauthAccounts(String storeHash) {
        List<OAuthAccount> out = new ArrayList<>();
        for (Account account : byId.values()) {
            if (account instanceof OAuthAccount oauth && oauth.storeHash().equals(storeHash)) {
                out.add(oauth);
            }
        }
        out.sort(Comparator.comparing(OAuthAccount::createdAt).thenComparing(OAuthAccount::id));
        return out;
    }

    @Override
    public Optional<OAuthAccount> oauthAccount(String storeHash, String id) {
        return byId.get(id) instanceof OAuthAccount oauth && oauth.storeHash().equals(storeHash)
                ? Optional.of(oauth) : Optional.empty();
    }

    @Override
    public Optional<OAuthAccount> oauthAccountByClientId(String clientId) {
        return Optional.ofNullable(byClientId.get(Objects.requireNonNull(clientId, "clientId")));
    }

    @Override
    public synchronized boolean replaceOAuthAccount(OAuthAccount before, OAuthAccount after, AuditEntry entry) {
        requireSame(before, after);
        // Everything a replacement writes must be as read: a roll read before an allowlist change must
        // not write the old list back.
        if (!(byId.get(before.id()) instanceof OAuthAccount stored) || !sameTokens(stored, before)
                || !stored.expiresAt().equals(before.expiresAt())
                || !stored.allowedAddresses().equals(before.allowedAddresses())) {
            return false;
        }
        put(after);
        audit.add(entry);
        return true;
    }

    @Override
    public synchronized List<String> deleteOAuthAccounts(String storeHash, Collection<String> ids, AuditEntry entry) {
        List<String> deleted = new ArrayList<>();
        for (String id : ids) {
            if (oauthAccount(storeHash, id).isPresent() && !deleted.contains(id)) {
                remove(byId.get(id));
                deleted.add(id);
                audit.add(entry.forAccount(id));
            }
        }
        return deleted;
    }

    @Override
    public synchronized boolean insertLegacyAccount(LegacyAccount account, AuditEntry entry) {
        if (byId.containsKey(account.id())) {
            return false;
        }
        put(account);
        audit.add(entry);
        return true;
    }

    @Override
    public List<LegacyAccount> legacyAccounts(String storeHash) {
        List<LegacyAccount> out = new ArrayList<>();
        for (Account account : byId.values()) {
            if (account instanceof LegacyAccount legacy && legacy.storeHash().equals(storeHash)) {
                out.add(legacy);
            }
        }
        out.sort(Comparator.comparing(LegacyAccount::createdAt).thenComparing(LegacyAccount::username));
        return out;
    }

    @Override
    public synchronized boolean replaceLegacyAccount(LegacyAccount before, LegacyAccount after, AuditEntry entry) {
        requireSame(before, after);
        if (!(byId.get(before.id()) instanceof LegacyAccount stored) || !sameTokens(stored, before)) {
            return false;
        }
        put(after);
        audit.add(entry);
        return true;
    }

    @Override
    public synchronized boolean deleteLegacyAccount(String storeHash, String username, AuditEntry entry) {
        if (!(byId.get(LegacyAccount.idOf(storeHash, username)) instanceof LegacyAccount legacy)) {
            return false;
        }
        remove(legacy);
        audit.add(entry);
        return true;
    }

    @Override
    public void recordLastUsed(Map<String, Usage> usageByAccountId) {
        usageByAccountId.forEach((id, use) -> {
            if (byId.containsKey(id)) {
                lastUsed.merge(id, use, Usage::later);
            }
        });
    }

    @Override
    public Map<String, Usage> lastUsed(String storeHash) {
        Map<String, Usage> out = new HashMap<>();
        lastUsed.forEach((id, use) -> {
            Account account = byId.get(id);
            if (account != null && account.storeHash().equals(storeHash)) {
                out.put(id, use);
            }
        });
        return out;
    }

    @Override
    public Optional<CredentialPolicy> credentialPolicy(String storeHash) {
        return Optional.ofNullable(policies.get(storeHash));
    }

    @Override
    public synchronized void putCredentialPolicy(String storeHash, CredentialPolicy policy, AuditEntry entry) {
        policies.put(Objects.requireNonNull(storeHash, "storeHash"), Objects.requireNonNull(policy, "policy"));
        audit.add(entry);
    }

    @Override
    public synchronized void recordAudit(AuditEntry entry) {
        audit.add(entry);
    }

    @Override
    public List<AuditEvent> auditEvents(String storeHash, int limit, long beforeId) {
        return audit.page(storeHash, limit, beforeId);
    }

    @Override
    public synchronized int recordExpiries(Instant now) {
        return audit.recordExpiries(byId.values(), now);
    }

    @Override
    public int pruneAuditEvents(Instant cutoff) {
        return audit.prune(cutoff);
    }

    /** {@inheritDoc} A scan of every account: leaks are rare, and this keeps no index for them. */
    @Override
    public Optional<Account> findBySecretDigest(SecretDigest digest) {
        Objects.requireNonNull(digest, "digest");
        Optional<Account> holder = byId.values().stream().filter(account -> holds(account, digest)).findFirst();
        return holder.isPresent() ? holder : Optional.ofNullable(bound(shortLived.get(digest)));
    }

    private static boolean holds(Account account, SecretDigest digest) {
        if (account.previousToken().filter(p -> p.digest().equals(digest)).isPresent()) {
            return true;
        }
        if (account instanceof OAuthAccount oauth) {
            return oauth.accessTokenDigest().equals(digest) || oauth.clientSecretDigest().equals(digest);
        }
        return account instanceof LegacyAccount legacy && legacy.tokenDigest().equals(digest);
    }

    private static void requireSame(Account before, Account after) {
        if (!before.id().equals(after.id()) || !before.storeHash().equals(after.storeHash())
                || before.getClass() != after.getClass()) {
            throw new IllegalArgumentException("a replacement must be the same account");
        }
    }

    private static boolean sameTokens(Account stored, Account expected) {
        return currentDigest(stored).equals(currentDigest(expected))
                && stored.previousToken().equals(expected.previousToken());
    }

    private static Object currentDigest(Account account) {
        return account instanceof OAuthAccount oauth ? oauth.accessTokenDigest() : ((LegacyAccount) account).tokenDigest();
    }

    private long countOAuth(String storeHash) {
        return byId.values().stream()
                .filter(a -> a instanceof OAuthAccount && a.storeHash().equals(storeHash))
                .count();
    }

    private void put(Account account) {
        Account old = byId.put(account.id(), account);
        if (old != null) {
            unindex(old);
        }
        LookupKey.allOf(account).forEach(key -> byKey.put(key, account));
        if (account instanceof OAuthAccount oauth) {
            byClientId.put(oauth.clientId(), oauth);
        }
    }

    private void unindex(Account account) {
        LookupKey.allOf(account).forEach(key -> byKey.remove(key, account));
        if (account instanceof OAuthAccount oauth) {
            byClientId.remove(oauth.clientId(), oauth);
        }
    }

    private void remove(Account account) {
        byId.remove(account.id());
        unindex(account);
        lastUsed.remove(account.id());
        shortLived.values().removeIf(token -> token.account().id().equals(account.id()));
    }
}
