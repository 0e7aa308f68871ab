package dev.storeauth.lifecycle;

import dev.storeauth.accounts.AllowedAddresses;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.accounts.PreviousToken;
import dev.storeauth.audit.AuditAction;
import dev.storeauth.audit.AuditEntry;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.policy.Scopes;
import dev.storeauth.repository.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** The OAuth half of {@link AccountLifecycle}, called after the owner check. */
final class OAuthLifecycle {

    /** The longest overlap of a roll, in seconds (7 days). */
    static final long MAX_OVERLAP_SECONDS = 604_800;
    /** The furthest ahead an expiry may be, in days. */
    static final long MAX_LIFETIME_DAYS = 36_500;
    /** How often a compare-and-set replacement is tried on a fresh read before it is a conflict. */
    static final int REPLACE_ATTEMPTS = 5;

    private final AccountLifecycle lifecycle;
    private final LifecycleSettings config;

    OAuthLifecycle(AccountLifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.config = lifecycle.config;
    }

    Outcome<IssuedCredentials.OAuth> create(Actor actor, String storeHash, NewOAuthAccount request) {
        if (request.name() == null) {
            return Outcome.invalid("name", "name is required");
        }
        Optional<String> problem = AccountNames.oauthNameProblem(request.name());
        if (problem.isPresent()) {
            return Outcome.invalid("name", problem.get());
        }
        Scopes granted;
        try {
            granted = config.catalogue().scopes(request.scopes());
        } catch (IllegalArgumentException e) {
            return Outcome.invalid("scopes", e.getMessage());
        }
        Instant now = config.clock().instant();
        return Expiries.resolve(request, lifecycle.policy(storeHash), now)
                .flatMap(expiry -> allowed(request.allowedIps())
                        .flatMap(allowed -> insert(actor, storeHash, request.name().strip(), granted, expiry, allowed, now)));
    }

    private Outcome<IssuedCredentials.OAuth> insert(Actor actor, String storeHash, String name, Scopes scopes,
            Optional<Instant> expiresAt, AllowedAddresses allowed, Instant now) {
        String secret = config.generator().generate(SecretKind.CLIENT_SECRET);
        String token = config.generator().generate(SecretKind.ACCESS_TOKEN);
        OAuthAccount account = new OAuthAccount(UUID.randomUUID().toString(), storeHash, name,
                config.generator().generate(SecretKind.CLIENT_ID), config.digester().digest(secret),
                config.digester().digest(token), scopes, now, expiresAt, Optional.empty(), allowed);
        AuditEntry audit = described(lifecycle.entry(actor, AuditAction.OAUTH_ACCOUNT_CREATED, storeHash)
                .forAccount(account.id()).with("name", name), account);
        int limit = config.oauthAccountLimit();
        return RepositoryRefusal.write(() -> config.repository().insertOAuthAccount(account, limit, audit))
                .flatMap(inserted -> {
                    if (!inserted) {
                        return Outcome.refused(Outcome.Refusal.LIMIT_REACHED, "the limit is " + limit
                                + " OAuth API accounts per store; delete one first");
                    }
                    lifecycle.changed(actor, List.of(account), AuditAction.OAUTH_ACCOUNT_CREATED);
                    return Outcome.done(new IssuedCredentials.OAuth(account, lifecycle.apiPath(storeHash, "v3"), secret, token));
                });
    }

    Outcome<IssuedCredentials.Rolled> roll(Actor actor, String storeHash, String id, Duration oldTokenLifetime) {
        Optional<Outcome<IssuedCredentials.Rolled>> refused = badOverlap(oldTokenLifetime);
        if (refused.isPresent()) {
            return refused.get();
        }
        String token = config.generator().generate(SecretKind.ACCESS_TOKEN);
        Instant now = config.clock().instant();
        return replace(actor, storeHash, id, AuditAction.OAUTH_TOKEN_ROLLED, before -> {
            // The old token never outlives its account.
            Instant asked = now.plus(oldTokenLifetime);
            Instant end = before.expiresAt().filter(asked::isAfter).orElse(asked);
            Optional<PreviousToken> previous = oldTokenLifetime.isZero() ? Optional.empty()
                    : Optional.of(new PreviousToken(before.accessTokenDigest(), end));
            return before.withAccessToken(config.digester().digest(token), previous);
        }).map(after -> new IssuedCredentials.Rolled(after, lifecycle.apiPath(storeHash, "v3"), token,
                after.previousToken().map(PreviousToken::expiresAt).orElse(now)));
    }

    Outcome<AccountView.OAuth> allow(Actor actor, String storeHash, String id, List<String> blocks) {
        return allowed(blocks).flatMap(allowed -> replace(actor, storeHash, id, AuditAction.OAUTH_ALLOWED_IPS_CHANGED,
                before -> before.withAllowedAddresses(allowed)))
                .map(after -> AccountView.OAuth.of(after,
                        Optional.ofNullable(config.repository().lastUsed(storeHash).get(id)), config.clock().instant()));
    }

    /** Writes {@code change} of the stored account, again on a fresh read if it changed meanwhile. */
    private Outcome<OAuthAccount> replace(Actor actor, String storeHash, String id, AuditAction action,
            UnaryOperator<OAuthAccount> change) {
        for (int attempt = 0; attempt < REPLACE_ATTEMPTS; attempt++) {
            Optional<OAuthAccount> found = AccountNames.couldBeOAuthId(id)
                    ? config.repository().oauthAccount(storeHash, id) : Optional.empty();
            if (found.isEmpty()) {
                return notFound(storeHash, id);
            }
            OAuthAccount before = found.get();
            OAuthAccount after = change.apply(before);
            AuditEntry audit = described(lifecycle.entry(actor, action, storeHash).forAccount(id), after);
            Outcome<Boolean> written = RepositoryRefusal.write(
                    () -> config.repository().replaceOAuthAccount(before, after, audit));
            if (!(written instanceof Outcome.Done<Boolean> done)) {
                return written.map(ignored -> after);
            }
            if (done.value()) {
                lifecycle.replaced(actor, before, after, action);
                return Outcome.done(after);
            }
        }
        return Outcome.refused(Outcome.Refusal.CONFLICT, "the account kept changing meanwhile; try again");
    }

    List<AccountView.OAuth> list(String storeHash) {
        Map<String, Usage> lastUsed = config.repository().lastUsed(storeHash);
        Instant now = config.clock().instant();
        return config.repository().oauthAccounts(storeHash).stream()
                .map(a -> AccountView.OAuth.of(a, Optional.ofNullable(lastUsed.get(a.id())), now))
                .toList();
    }

    Outcome<Integer> delete(Actor actor, String storeHash, List<String> ids, AuditAction action) {
        List<String> requested = ids.stream().filter(AccountNames::couldBeOAuthId).toList();
        List<OAuthAccount> before = new ArrayList<>();
        for (String id : requested) {
            config.repository().oauthAccount(storeHash, id).ifPresent(before::add);
        }
        AuditEntry audit = lifecycle.entry(actor, action, storeHash);
        return RepositoryRefusal.write(() -> config.repository().deleteOAuthAccounts(storeHash, requested, audit))
                .map(deleted -> {
                    Set<String> gone = Set.copyOf(deleted);
                    lifecycle.changed(actor, before.stream().distinct().filter(a -> gone.contains(a.id())).toList(),
                            action);
                    return deleted.size();
                });
    }

    /** {@code entry} with the account's expiry, overlap and allowlist: times and blocks, never a secret. */
    private static AuditEntry described(AuditEntry entry, OAuthAccount account) {
        AuditEntry described = entry;
        if (account.expiresAt().isPresent()) {
            described = described.with("expires_at", account.expiresAt().get().toString());
        }
        if (account.previousToken().isPresent()) {
            described = described.with("old_token_expires_at", account.previousToken().get().expiresAt().toString());
        }
        if (!account.allowedAddresses().isAnywhere()) {
            described = described.with("allowed_ips", String.join(",", account.allowedAddresses().blocks()));
        }
        return described;
    }

    private static Outcome<AllowedAddresses> allowed(List<String> blocks) {
        try {
            return Outcome.done(AllowedAddresses.parse(blocks));
        } catch (IllegalArgumentException e) {
            return Outcome.invalid("allowed_ips", e.getMessage());
        }
    }

    /** The refusal of an overlap outside 0 to {@value #MAX_OVERLAP_SECONDS} seconds, naming the field. */
    static <T> Optional<Outcome<T>> badOverlap(Duration overlap) {
        if (overlap.isNegative() || overlap.toSeconds() > MAX_OVERLAP_SECONDS) {
            return Optional.of(Outcome.invalid("old_token_expires_in", "old_token_expires_in must be 0-"
                    + MAX_OVERLAP_SECONDS + " seconds"));
        }
        return Optional.empty();
    }

    static <T> Outcome<T> notFound(String storeHash, String id) {
        String which = AccountNames.couldBeOAuthId(id) ? id : "with that id";
        return Outcome.refused(Outcome.Refusal.NOT_FOUND, "no OAuth API account " + which + " in store " + storeHash);
    }
}
