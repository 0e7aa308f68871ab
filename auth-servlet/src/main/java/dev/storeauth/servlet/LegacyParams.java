package dev.storeauth.servlet;

import dev.storeauth.policy.LegacyDeprecation;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads the init-params of the legacy Basic deprecation into one {@link LegacyDeprecation}:
 * {@code legacy-deprecated-since} and {@code legacy-sunset} ({@code YYYY-MM-DD}, the start of that
 * day in UTC), {@code legacy-deprecation-link} (an absolute http(s) URI) and
 * {@code legacy-refuse-after-sunset} ({@code true} or {@code false}). Stateless.
 */
final class LegacyParams {

    static final String SINCE = "legacy-deprecated-since";
    static final String SUNSET = "legacy-sunset";
    static final String LINK = "legacy-deprecation-link";
    static final String REFUSE = "legacy-refuse-after-sunset";
    static final List<String> NAMES = List.of(SINCE, SUNSET, LINK, REFUSE);

    private LegacyParams() {
    }

    /** Whether any of them is given, so the builder is told of a deprecation at all. */
    static boolean given(InitParams params) {
        return NAMES.stream().anyMatch(params::has);
    }

    /**
     * @throws IllegalArgumentException naming the parameter: a date not {@code YYYY-MM-DD}, a link
     *     that is not an absolute http(s) URI, the others without {@code legacy-deprecated-since}, a
     *     sunset before it, or a refusal without a sunset
     */
    static LegacyDeprecation from(InitParams params) {
        if (!params.has(SINCE)) {
            throw new IllegalArgumentException(SINCE + ": required with " + SUNSET + ", " + LINK + " or " + REFUSE);
        }
        LegacyDeprecation since = LegacyDeprecation.since(date(params, SINCE));
        LocalDate sunsetDate = params.has(SUNSET) ? date(params, SUNSET) : null;
        LegacyDeprecation sunset = sunsetDate == null ? since : named(SUNSET, () -> since.withSunset(sunsetDate));
        URI uri = params.has(LINK) ? link(params.string(LINK, "")) : null;
        LegacyDeprecation linked = uri == null ? sunset : named(LINK, () -> sunset.withLink(uri));
        return params.bool(REFUSE, false) ? named(REFUSE, linked::refusingAfterSunset) : linked;
    }

    private static LocalDate date(InitParams params, String name) {
        String value = params.string(name, "");
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": expected a date like 2027-06-30, got '" + value + "'");
        }
    }

    private static URI link(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(LINK + ": expected an absolute http(s) URI, got '" + value + "'");
        }
    }

    private static LegacyDeprecation named(String name, Supplier<LegacyDeprecation> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }
}
