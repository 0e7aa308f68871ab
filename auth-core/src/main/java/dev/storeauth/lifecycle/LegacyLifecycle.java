package dev.storeauth.lifecycle;

import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.repository.LookupKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The legacy-account half of {@link AccountLifecycle}, called after the owner check. */
final class LegacyLifecycle {

    private final AccountLifecycle lifecycle;
    private final LifecycleSettings config;

    LegacyLifecycle(AccountLifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.config = lifecycle.config;
    }

    Outcome<IssuedCredentials.Legacy> create(String actor, String storeHash, String username) {
        Optional<String> problem = AccountNames.legacyUsernameProblem(username);
        if (problem.isPresent()) {
            return Outcome.invalid("username", problem.get());
        }
        String token = config.generator().generate(SecretKind.LEGACY_TOKEN);
        LegacyAccount account = new LegacyAccount(storeHash, username, config.digester().digest(token),
                config.clock().instant());
        return RepositoryRefusal.write(() -> config.repository().insertLegacyAccount(account)).flatMap(inserted -> {
            if (!inserted) {
                return Outcome.refused(Outcome.Refusal.DUPLICATE, "store " + storeHash + " already has a legacy API account "
                        + username);
            }
            lifecycle.changed(actor, account, LifecycleEvent.Action.LEGACY_ACCOUNT_CREATED);
            return Outcome.done(new IssuedCredentials.Legacy(account, lifecycle.apiPath(storeHash, "v2"), token));
        });
    }

    Outcome<IssuedCredentials.Legacy> regenerate(String actor, String storeHash, String username) {
        Optional<LegacyAccount> existing = find(storeHash, username);
        if (existing.isEmpty()) {
            return notFound(storeHash, username);
        }
        String token = config.generator().generate(SecretKind.LEGACY_TOKEN);
        LegacyAccount replaced = existing.get().withTokenDigest(config.digester().digest(token));
        return RepositoryRefusal.write(() -> config.repository().replaceLegacyToken(storeHash, username,
                replaced.tokenDigest())).flatMap(found -> {
                    if (!found) {
                        return notFound(storeHash, username);
                    }
                    lifecycle.changed(actor, replaced, LifecycleEvent.Action.LEGACY_TOKEN_REGENERATED);
                    return Outcome.done(new IssuedCredentials.Legacy(replaced, lifecycle.apiPath(storeHash, "v2"), token));
                });
    }

    Outcome<String> delete(String actor, String storeHash, String username) {
        Optional<LegacyAccount> existing = find(storeHash, username);
        if (existing.isEmpty()) {
            return notFound(storeHash, username);
        }
        return RepositoryRefusal.write(() -> config.repository().deleteLegacyAccount(storeHash, username)).flatMap(found -> {
            if (!found) {
                return notFound(storeHash, username);
            }
            lifecycle.changed(actor, existing.get(), LifecycleEvent.Action.LEGACY_ACCOUNT_DELETED);
            return Outcome.done(username);
        });
    }

    Outcome<List<AccountView.Legacy>> list(String storeHash) {
        Map<String, Instant> lastUsed = config.repository().lastUsed(storeHash);
        return Outcome.done(config.repository().legacyAccounts(storeHash).stream()
                .map(a -> new AccountView.Legacy(a.username(), a.createdAt(), Optional.ofNullable(lastUsed.get(a.id()))))
                .toList());
    }

    private Optional<LegacyAccount> find(String storeHash, String username) {
        if (!LegacyAccount.isValidUsername(username)) {
            return Optional.empty();
        }
        return config.repository().find(new LookupKey.ByUsername(storeHash, username))
                .filter(LegacyAccount.class::isInstance).map(LegacyAccount.class::cast);
    }

    /** Names the username only if it could be one: anything else is the caller's text, not echoed. */
    private static <T> Outcome<T> notFound(String storeHash, String username) {
        String which = LegacyAccount.isValidUsername(username) ? username : "with that username";
        return Outcome.refused(Outcome.Refusal.NOT_FOUND, "no legacy API account " + which + " in store " + storeHash);
    }
}
