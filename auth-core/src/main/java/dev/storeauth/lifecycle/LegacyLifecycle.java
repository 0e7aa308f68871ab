package dev.storeauth.lifecycle;

import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.PreviousToken;
import dev.storeauth.audit.AuditAction;
import dev.storeauth.audit.AuditEntry;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.Usage;
import java.time.Duration;
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

    Outcome<IssuedCredentials.Legacy> create(Actor actor, String storeHash, String username) {
        Optional<String> problem = AccountNames.legacyUsernameProblem(username);
        if (problem.isPresent()) {
            return Outcome.invalid("username", problem.get());
        }
        String token = config.generator().generate(SecretKind.LEGACY_TOKEN);
        LegacyAccount account = new LegacyAccount(storeHash, username, config.digester().digest(token),
                config.clock().instant());
        AuditEntry audit = lifecycle.entry(actor, AuditAction.LEGACY_ACCOUNT_CREATED, storeHash).forAccount(account.id());
        return RepositoryRefusal.write(() -> config.repository().insertLegacyAccount(account, audit)).flatMap(inserted -> {
            if (!inserted) {
                return Outcome.refused(Outcome.Refusal.DUPLICATE, "store " + storeHash + " already has a legacy API account "
                        + username);
            }
            lifecycle.changed(actor, List.of(account), AuditAction.LEGACY_ACCOUNT_CREATED);
            return Outcome.done(new IssuedCredentials.Legacy(account, lifecycle.apiPath(storeHash, "v2"), token));
        });
    }

    Outcome<IssuedCredentials.Legacy> regenerate(Actor actor, String storeHash, String username, Duration overlap) {
        Optional<Outcome<IssuedCredentials.Legacy>> refused = OAuthLifecycle.badOverlap(overlap);
        if (refused.isPresent()) {
            return refused.get();
        }
        String token = config.generator().generate(SecretKind.LEGACY_TOKEN);
        for (int attempt = 0; attempt < OAuthLifecycle.REPLACE_ATTEMPTS; attempt++) {
            Optional<LegacyAccount> existing = find(storeHash, username);
            if (existing.isEmpty()) {
                return notFound(storeHash, username);
            }
            Outcome<Optional<LegacyAccount>> written = replace(actor, existing.get(), token, overlap);
            if (!(written instanceof Outcome.Done<Optional<LegacyAccount>> done) || done.value().isPresent()) {
                return written.map(after -> new IssuedCredentials.Legacy(after.orElseThrow(),
                        lifecycle.apiPath(storeHash, "v2"), token));
            }
        }
        return Outcome.refused(Outcome.Refusal.CONFLICT, "the account kept changing meanwhile; try again");
    }

    /** The account as replaced, or empty when it changed meanwhile. */
    private Outcome<Optional<LegacyAccount>> replace(Actor actor, LegacyAccount before, String token, Duration overlap) {
        Instant now = config.clock().instant();
        Optional<PreviousToken> previous = overlap.isZero() ? Optional.empty()
                : Optional.of(new PreviousToken(before.tokenDigest(), now.plus(overlap)));
        LegacyAccount after = before.withTokenDigest(config.digester().digest(token), previous);
        AuditEntry entry = lifecycle.entry(actor, AuditAction.LEGACY_TOKEN_REGENERATED, before.storeHash())
                .forAccount(before.id());
        AuditEntry audit = previous.map(p -> entry.with("old_token_expires_at", p.expiresAt().toString())).orElse(entry);
        return RepositoryRefusal.write(() -> config.repository().replaceLegacyAccount(before, after, audit)).map(done -> {
            if (!done) {
                return Optional.empty();
            }
            lifecycle.replaced(actor, before, after, AuditAction.LEGACY_TOKEN_REGENERATED);
            return Optional.of(after);
        });
    }

    Outcome<String> delete(Actor actor, String storeHash, String username) {
        Optional<LegacyAccount> existing = find(storeHash, username);
        if (existing.isEmpty()) {
            return notFound(storeHash, username);
        }
        AuditEntry audit = lifecycle.entry(actor, AuditAction.LEGACY_ACCOUNT_DELETED, storeHash)
                .forAccount(existing.get().id());
        return RepositoryRefusal.write(() -> config.repository().deleteLegacyAccount(storeHash, username, audit))
                .flatMap(found -> {
                    if (!found) {
                        return notFound(storeHash, username);
                    }
                    lifecycle.changed(actor, List.of(existing.get()), AuditAction.LEGACY_ACCOUNT_DELETED);
                    return Outcome.done(username);
                });
    }

    Outcome<List<AccountView.Legacy>> list(String storeHash) {
        Map<String, Usage> lastUsed = config.repository().lastUsed(storeHash);
        Instant now = config.clock().instant();
        return Outcome.done(config.repository().legacyAccounts(storeHash).stream()
                .map(a -> AccountView.Legacy.of(a, Optional.ofNullable(lastUsed.get(a.id())), now))
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
