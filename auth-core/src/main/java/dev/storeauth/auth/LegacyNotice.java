package dev.storeauth.auth;

import dev.storeauth.policy.LegacyDeprecation;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link LegacyDeprecation} on the wire, its headers made once: {@code Deprecation} an RFC 9651
 * Date ({@code @} and epoch seconds, RFC 9745 section 2.1), {@code Sunset} an IMF-fixdate (RFC 8594
 * section 3, RFC 9110 section 5.6.7), {@code Link} one link-value per relation (RFC 8288). Immutable.
 */
final class LegacyNotice {

    static final String DEPRECATION = "Deprecation";
    static final String SUNSET = "Sunset";
    static final String LINK = "Link";
    // RFC 1123's formatter leaves the day unpadded; an IMF-fixdate has two digits.
    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.ENGLISH);

    private final Map<String, String> headers;
    private final long refuseFromMillis;
    private final String refusalDetail;

    LegacyNotice(LegacyDeprecation policy) {
        this.headers = headers(policy);
        this.refuseFromMillis = policy.refuseAfterSunset() ? policy.sunset().orElseThrow().toEpochMilli() : Long.MAX_VALUE;
        this.refusalDetail = policy.sunset().map(s -> "HTTP Basic authentication with legacy API accounts was retired on "
                + s.atOffset(ZoneOffset.UTC).toLocalDate() + "; create an OAuth API account and send its access token"
                + " in X-Auth-Token or Authorization: Bearer").orElse("");
    }

    /** The headers every answer to a proven Basic credential carries; unmodifiable. */
    Map<String, String> headers() {
        return headers;
    }

    /** Whether Basic is refused by now on {@code clock}. */
    boolean refusesNow(Clock clock) {
        return refuseFromMillis != Long.MAX_VALUE && clock.millis() >= refuseFromMillis;
    }

    /**
     * The refusal past the sunset: 401 challenging for the path's other schemes when it has any, as
     * another credential (an OAuth token) would be let in; 403 where Basic was all the path took,
     * as no credential would.
     */
    AuthResult.Denied refusal(List<String> otherChallenges) {
        int status = otherChallenges.isEmpty() ? 403 : 401;
        return new AuthResult.Denied(status, AuthResult.Problem.BASIC_AUTH_RETIRED, refusalDetail, otherChallenges, headers);
    }

    /** {@code result} with this notice's headers added to its own. */
    AuthResult mark(AuthResult result) {
        if (result instanceof AuthResult.Authenticated a) {
            return new AuthResult.Authenticated(a.principal(), a.account(), a.scopes(), with(a.headers()));
        }
        AuthResult.Denied d = (AuthResult.Denied) result;
        return new AuthResult.Denied(d.status(), d.problem(), d.detail(), d.challenges(), with(d.headers()));
    }

    private Map<String, String> with(Map<String, String> own) {
        if (own.isEmpty()) {
            return headers;
        }
        Map<String, String> all = new HashMap<>(own);
        all.putAll(headers);
        return all;
    }

    private static Map<String, String> headers(LegacyDeprecation policy) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(DEPRECATION, "@" + policy.deprecatedSince().getEpochSecond());
        policy.sunset().ifPresent(s -> headers.put(SUNSET, IMF_FIXDATE.format(s.atOffset(ZoneOffset.UTC))));
        policy.link().ifPresent(uri -> {
            String target = "<" + uri.toASCIIString() + ">";
            headers.put(LINK, target + "; rel=\"deprecation\"" + (policy.sunset().isPresent() ? ", " + target + "; rel=\"sunset\"" : ""));
        });
        return Map.copyOf(headers);
    }
}
