package dev.storeauth.repository;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.credentials.SecretDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A thread-safe {@link AccountRepository} in memory, for tests and for embedding where accounts
 * need not survive a restart. Lookups are lock-free; writes are serialised, which makes the
 * per-store limit exact. Never throws {@link RepositoryUnavailableException}.
 */
public final class InMemoryAccountRepository implements AccountRepository {

    private final Map<LookupKey, Account> byKey = new ConcurrentHashMap<>();
    private final Map<String, Account> byId = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastUsed = new ConcurrentHashMap<>();

    /** An empty repository. */
    public InMemoryAccountRepository() {
    }

    @Override
    public Optional<Account> find(LookupKey key) {
        return Optional.ofNullable(byKey.get(key));
    }

    @Override
    public synchronized boolean insertOAuthAccount(OAuthAccount account, int limit) {
        if (countOAuth(account.storeHash()) >= limit) {
            return false;
        }
        LookupKey key = LookupKey.of(account);
        if (byId.containsKey(account.id()) || byKey.containsKey(key)) {
            throw new IllegalStateException("duplicate OAuth account id or access token");
        }
        put(account);
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
    public synchronized List<String> deleteOAuthAccounts(String storeHash, Collection<String> ids) {
        List<String> deleted = new ArrayList<>();
        for (String id : ids) {
            if (oauthAccount(storeHash, id).isPresent() && !deleted.contains(id)) {
                remove(byId.get(id));
                deleted.add(id);
            }
        }
        return deleted;
    }

    @Override
    public synchronized boolean insertLegacyAccount(LegacyAccount account) {
        if (byId.containsKey(account.id())) {
            return false;
        }
        put(account);
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
    public synchronized boolean replaceLegacyToken(String storeHash, String username, SecretDigest newDigest) {
        if (!(byId.get(LegacyAccount.idOf(storeHash, username)) instanceof LegacyAccount legacy)) {
            return false;
        }
        put(legacy.withTokenDigest(newDigest));
        return true;
    }

    @Override
    public synchronized boolean deleteLegacyAccount(String storeHash, String username) {
        if (!(byId.get(LegacyAccount.idOf(storeHash, username)) instanceof LegacyAccount legacy)) {
            return false;
        }
        remove(legacy);
        return true;
    }

    @Override
    public void recordLastUsed(Map<String, Instant> lastUsedByAccountId) {
        lastUsedByAccountId.forEach((id, at) -> {
            if (byId.containsKey(id)) {
                lastUsed.merge(id, at, (a, b) -> a.isAfter(b) ? a : b);
            }
        });
    }

    @Override
    public Map<String, Instant> lastUsed(String storeHash) {
        Map<String, Instant> out = new HashMap<>();
        lastUsed.forEach((id, at) -> {
            Account account = byId.get(id);
            if (account != null && account.storeHash().equals(storeHash)) {
                out.put(id, at);
            }
        });
        return out;
    }

    private long countOAuth(String storeHash) {
        return byId.values().stream()
                .filter(a -> a instanceof OAuthAccount && a.storeHash().equals(storeHash))
                .count();
    }

    private void put(Account account) {
        byId.put(account.id(), account);
        byKey.put(LookupKey.of(account), account);
    }

    private void remove(Account account) {
        byId.remove(account.id());
        byKey.remove(LookupKey.of(account));
        lastUsed.remove(account.id());
    }
}
