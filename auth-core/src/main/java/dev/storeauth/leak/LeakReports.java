package dev.storeauth.leak;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.storeauth.grant.ShortLivedTokens;
import dev.storeauth.lifecycle.AccountLifecycle;
import dev.storeauth.lifecycle.Outcome;
import dev.storeauth.lifecycle.Revocation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Handles a report of leaked values: each that is a live credential of ours is revoked at once, as
 * {@link AccountLifecycle#revokeLeakedSecret} describes (an access token rolled with no overlap, an old
 * token's overlap ended, a legacy token regenerated, a client secret's account deleted, a short-lived
 * token deleted), and recorded in the
 * audit trail as {@code credential.leaked} with the token's kind and the report's url and source.
 *
 * <ul>
 *   <li>A value's kind comes from its prefix ({@code sat_}, {@code scs_}, {@code slt_}, {@code sci_},
 *       {@code sst_}), and its prefix, length and checksum are checked before any lookup; the report's
 *       {@code type} is not trusted for it.
 *   <li>A short-lived token ({@code sst_}) is live when it is stored, unexpired and still bound to its
 *       account's current access token; just that token is then deleted, and the account keeps its
 *       access token and its other short-lived tokens.
 *   <li>A client ID ({@code sci_}) is not a secret and never live; nor is a value of no kind of ours.
 *   <li>A value reported twice in one report gets the first one's verdict, so it is not called a false
 *       positive for having just been revoked.
 *   <li>A value this instance revoked in the last {@link #REMEMBERED} is answered {@link LeakVerdict.Revoked}
 *       again without a lookup, so a report resent after a failed attempt (a repository outage partway, an
 *       {@link LeakVerdict.Unrevoked} value) still calls the values revoked the first time true positives.
 *       Only a SHA-256 digest of each value is kept, for at most {@value #REMEMBERED_MAX} values; a resend
 *       that reaches another instance finds them no longer live.
 * </ul>
 *
 * <pre>{@code
 * LeakReports reports = new LeakReports(storeAuth.lifecycle().orElseThrow());
 * List<LeakVerdict> verdicts = reports.handle(List.of(new LeakedToken(token, type, url, source)));
 * }</pre>
 *
 * Checking that the report is genuine (GitHub signs it) is the caller's, before calling. Thread-safe;
 * repository faults are thrown as {@link dev.storeauth.repository.RepositoryUnavailableException}.
 */
public final class LeakReports {

    /** The most values one report may hold. */
    public static final int MAX_TOKENS = 1000;
    /** The {@link LeakVerdict#tokenType()} of a value of no kind of ours. */
    public static final String UNKNOWN_TYPE = "storeauth_unknown";

    /** Our kinds by prefix, each with its stable type name. */
    private static final Map<String, String> TYPES = types();

    /** The type of a short-lived token. */
    static final String SHORT_LIVED_TYPE = "storeauth_short_lived_token";

    /** How long a revocation is remembered. */
    public static final Duration REMEMBERED = Duration.ofHours(24);
    /** The most revocations remembered; the oldest go first. */
    public static final int REMEMBERED_MAX = 100_000;

    private final AccountLifecycle lifecycle;
    /** Recent revocations by SHA-256 of the value: never the value itself. */
    private final Cache<String, Revocation> revoked = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBERED).maximumSize(REMEMBERED_MAX).build();

    /** Revokes through {@code lifecycle}, which must use the authenticator's digester (as StoreAuth's does). */
    public LeakReports(AccountLifecycle lifecycle) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
    }

    private static Map<String, String> types() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("sat_", "storeauth_oauth_access_token");
        types.put("scs_", "storeauth_oauth_client_secret");
        types.put("slt_", "storeauth_legacy_api_token");
        types.put("sci_", "storeauth_oauth_client_id");
        types.put(ShortLivedTokens.PREFIX, SHORT_LIVED_TYPE);
        return Map.copyOf(types);
    }

    /**
     * Handles every value of {@code report}, in order.
     *
     * @return one verdict per value, in the report's order; empty for an empty report
     * @throws IllegalArgumentException if the report holds more than {@value #MAX_TOKENS} values
     */
    public List<LeakVerdict> handle(List<LeakedToken> report) {
        if (report.size() > MAX_TOKENS) {
            throw new IllegalArgumentException("a report holds at most " + MAX_TOKENS + " tokens, not " + report.size());
        }
        Map<String, LeakVerdict> first = new HashMap<>();
        List<LeakVerdict> verdicts = new ArrayList<>(report.size());
        for (LeakedToken token : report) {
            LeakVerdict earlier = first.get(token.token());
            LeakVerdict verdict = earlier == null ? handle(token) : again(earlier, token);
            first.putIfAbsent(token.token(), verdict);
            verdicts.add(verdict);
        }
        return verdicts;
    }

    /** Handles one value: revokes it if it is a live credential, or says it was revoked recently. */
    public LeakVerdict handle(LeakedToken token) {
        Objects.requireNonNull(token, "token");
        String type = typeOf(token.token());
        String key = digest(token.token());
        Revocation earlier = revoked.getIfPresent(key);
        if (earlier != null) {
            return new LeakVerdict.Revoked(token, type, earlier);
        }
        Optional<Outcome<Revocation>> outcome = type.equals(UNKNOWN_TYPE) ? Optional.empty() : revoke(token, type);
        if (outcome.isPresent() && outcome.get() instanceof Outcome.Done<Revocation> done) {
            revoked.put(key, done.value());
            return new LeakVerdict.Revoked(token, type, done.value());
        }
        if (outcome.isPresent() && outcome.get() instanceof Outcome.Refused<Revocation> refused
                && refused.reason() != Outcome.Refusal.NOT_FOUND) {
            return new LeakVerdict.Unrevoked(token, type, refused.detail());
        }
        return new LeakVerdict.NotLive(token, type);
    }

    /** Revokes the value if it is live. */
    private Optional<Outcome<Revocation>> revoke(LeakedToken token, String type) {
        Map<String, String> detail = Map.of("kind", type, "url", token.url(), "source", token.source());
        return Optional.of(lifecycle.revokeLeakedSecret(token.token(), detail));
    }

    private static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Our type name for {@code value}'s prefix, or {@link #UNKNOWN_TYPE}. */
    static String typeOf(String value) {
        return value.length() < 4 ? UNKNOWN_TYPE : Optional.ofNullable(TYPES.get(value.substring(0, 4))).orElse(UNKNOWN_TYPE);
    }

    private static LeakVerdict again(LeakVerdict earlier, LeakedToken token) {
        if (earlier instanceof LeakVerdict.Revoked revoked) {
            return new LeakVerdict.Revoked(token, revoked.tokenType(), revoked.revocation());
        }
        if (earlier instanceof LeakVerdict.Unrevoked unrevoked) {
            return new LeakVerdict.Unrevoked(token, unrevoked.tokenType(), unrevoked.detail());
        }
        return new LeakVerdict.NotLive(token, earlier.tokenType());
    }
}
