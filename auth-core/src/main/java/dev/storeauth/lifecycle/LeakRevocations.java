package dev.storeauth.lifecycle;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.accounts.ShortLivedAccount;
import dev.storeauth.audit.AuditAction;
import dev.storeauth.audit.AuditEntry;
import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.credentials.internal.SecretFormat;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.repository.AccountChange;
import dev.storeauth.repository.LookupKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The leak half of {@link AccountLifecycle}: revokes a reported secret at once if it is live, as
 * {@link AuditEntry#SYSTEM}, with no owner check (the report, not a user, asks).
 */
final class LeakRevocations {

    private static final Actor SYSTEM = Actor.of(AuditEntry.SYSTEM);
    private static final List<SecretKind> SECRETS = List.of(SecretKind.ACCESS_TOKEN, SecretKind.CLIENT_SECRET,
            SecretKind.LEGACY_TOKEN, SecretKind.SHORT_LIVED_TOKEN);

    /** A live secret and what revoking it writes: the account after, or none for a delete. */
    private record Plan(Account before, Optional<Account> after, Revocation revocation) {
    }

    private final AccountLifecycle lifecycle;
    private final LifecycleSettings config;

    LeakRevocations(AccountLifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.config = lifecycle.config;
    }

    Outcome<Revocation> revokeSecret(String secret, Map<String, String> detail) {
        // The shape first: a value no generator made costs no lookup.
        Optional<SecretKind> kind = SECRETS.stream().filter(k -> SecretFormat.isWellFormed(k, secret)).findFirst();
        if (kind.isEmpty()) {
            return notLive();
        }
        return revoke(config.digester().digest(secret), kind.get(), detail);
    }

    /** Revokes on a fresh read as often as the account changes meanwhile, up to the lifecycle's attempts. */
    private Outcome<Revocation> revoke(SecretDigest digest, SecretKind kind, Map<String, String> detail) {
        for (int attempt = 0; attempt < OAuthLifecycle.REPLACE_ATTEMPTS; attempt++) {
            Instant now = config.clock().instant();
            Optional<Plan> plan = config.repository().findBySecretDigest(digest)
                    .filter(holder -> holder.expiresAt().filter(end -> !now.isBefore(end)).isEmpty())
                    .flatMap(holder -> plan(holder, digest, kind, now));
            if (plan.isEmpty()) {
                return notLive();
            }
            Outcome<Boolean> written = writeAudited(plan.get(), detail, now);
            if (!(written instanceof Outcome.Done<Boolean> done) || done.value()) {
                return written.map(ignored -> plan.get().revocation());
            }
        }
        return Outcome.refused(Outcome.Refusal.CONFLICT, "the account kept changing meanwhile; try again");
    }

    /** What revoking {@code digest} as a {@code kind} held by {@code holder} writes; empty when it is not live. */
    private Optional<Plan> plan(Account holder, SecretDigest digest, SecretKind kind, Instant now) {
        boolean oldTokenLive = holder.previousToken()
                .filter(p -> p.digest().equals(digest) && now.isBefore(p.expiresAt())).isPresent();
        if (holder instanceof OAuthAccount oauth && kind == SecretKind.ACCESS_TOKEN) {
            return oauthPlan(oauth, digest, oldTokenLive);
        }
        if (holder instanceof OAuthAccount oauth && kind == SecretKind.CLIENT_SECRET) {
            return oauth.clientSecretDigest().equals(digest)
                    ? Optional.of(new Plan(oauth, Optional.empty(), Revocation.ACCOUNT_DELETED)) : Optional.empty();
        }
        if (holder instanceof ShortLivedAccount token && kind == SecretKind.SHORT_LIVED_TOKEN) {
            return token.tokenDigest().equals(digest)
                    ? Optional.of(new Plan(token, Optional.empty(), Revocation.SHORT_LIVED_TOKEN_DELETED)) : Optional.empty();
        }
        if (holder instanceof LegacyAccount legacy && kind == SecretKind.LEGACY_TOKEN) {
            return legacyPlan(legacy, digest, oldTokenLive);
        }
        return Optional.empty();
    }

    private Optional<Plan> oauthPlan(OAuthAccount oauth, SecretDigest digest, boolean oldTokenLive) {
        if (oauth.accessTokenDigest().equals(digest)) {
            return plan(oauth, oauth.withAccessToken(newDigest(SecretKind.ACCESS_TOKEN), Optional.empty()),
                    Revocation.ACCESS_TOKEN_ROLLED);
        }
        return oldTokenLive ? plan(oauth, oauth.withAccessToken(oauth.accessTokenDigest(), Optional.empty()),
                Revocation.OLD_TOKEN_ENDED) : Optional.empty();
    }

    private Optional<Plan> legacyPlan(LegacyAccount legacy, SecretDigest digest, boolean oldTokenLive) {
        if (legacy.tokenDigest().equals(digest)) {
            return plan(legacy, legacy.withTokenDigest(newDigest(SecretKind.LEGACY_TOKEN)),
                    Revocation.LEGACY_TOKEN_REGENERATED);
        }
        return oldTokenLive ? plan(legacy, legacy.withTokenDigest(legacy.tokenDigest()), Revocation.OLD_TOKEN_ENDED)
                : Optional.empty();
    }

    private static Optional<Plan> plan(Account before, Account after, Revocation revocation) {
        return Optional.of(new Plan(before, Optional.of(after), revocation));
    }

    /** A digest of a new secret that nobody is shown: what replaces the leaked one. */
    private SecretDigest newDigest(SecretKind kind) {
        return config.digester().digest(config.generator().generate(kind));
    }

    /**
     * Writes the plan with the report's detail, or with only its {@code kind} if the trail cannot hold
     * the rest: whether a leaked secret is revoked never depends on what the report says about it.
     */
    private Outcome<Boolean> writeAudited(Plan plan, Map<String, String> detail, Instant now) {
        Outcome<Boolean> written = RepositoryRefusal.write(() -> write(plan, entry(plan, detail, now)));
        if (written instanceof Outcome.Refused<Boolean> refused && refused.reason() == Outcome.Refusal.INVALID) {
            Map<String, String> kind = detail.containsKey("kind") ? Map.of("kind", detail.get("kind")) : Map.of();
            return RepositoryRefusal.write(() -> write(plan, entry(plan, kind, now)));
        }
        return written;
    }

    /** Writes the plan; {@code false} when the account changed (or went) since it was read. */
    private boolean write(Plan plan, AuditEntry audit) {
        Account before = plan.before();
        if (before instanceof ShortLivedAccount token) {
            return deleteShortLived(token, audit);
        }
        if (plan.after().isEmpty()) {
            List<String> deleted = config.repository().deleteOAuthAccounts(before.storeHash(), List.of(before.id()), audit);
            if (!deleted.isEmpty()) {
                lifecycle.changed(SYSTEM, List.of(before), AuditAction.CREDENTIAL_LEAKED);
            }
            return !deleted.isEmpty();
        }
        Account after = plan.after().get();
        boolean replaced = before instanceof OAuthAccount oauth
                ? config.repository().replaceOAuthAccount(oauth, (OAuthAccount) after, audit)
                : config.repository().replaceLegacyAccount((LegacyAccount) before, (LegacyAccount) after, audit);
        if (replaced) {
            lifecycle.replaced(SYSTEM, before, after, AuditAction.CREDENTIAL_LEAKED);
        }
        return replaced;
    }

    /** Deletes the token and evicts its own key here; other nodes hear of it from the change feed. */
    private boolean deleteShortLived(ShortLivedAccount token, AuditEntry audit) {
        if (!config.repository().deleteShortLivedToken(token.tokenDigest(), audit)) {
            return false;
        }
        config.changeListener().onChange(new AccountChange.Changed(List.of(new LookupKey.ByTokenDigest(token.tokenDigest()))));
        lifecycle.emitted(SYSTEM, token.account(), AuditAction.CREDENTIAL_LEAKED);
        return true;
    }

    private static AuditEntry entry(Plan plan, Map<String, String> detail, Instant now) {
        AuditEntry entry = AuditEntry.of(now, AuditEntry.SYSTEM, AuditAction.CREDENTIAL_LEAKED, plan.before().storeHash())
                .forAccount(plan.before().id());
        for (Map.Entry<String, String> fact : detail.entrySet()) {
            if (!fact.getValue().isEmpty()) {
                entry = entry.with(fact.getKey(), fact.getValue());
            }
        }
        return entry.with("revoked", plan.revocation().wireName());
    }

    private static <T> Outcome<T> notLive() {
        return Outcome.refused(Outcome.Refusal.NOT_FOUND, "that value is no live credential");
    }
}
