package dev.storeauth.policy;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * The deprecation of legacy API accounts over HTTP Basic, as every answer to a request a Basic
 * credential proved tells the client: {@code Deprecation} (RFC 9745), {@code Sunset} (RFC 8594)
 * and {@code Link} to the documentation. Bearer-authenticated and unauthenticated answers never
 * carry them. Past the sunset a policy {@linkplain #refusingAfterSunset() refusing} Basic denies
 * every Basic credential it proves, pointing the client at OAuth API accounts.
 *
 * <pre>{@code
 * LegacyDeprecation policy = LegacyDeprecation.since(LocalDate.of(2023, 7, 1))
 *         .withSunset(LocalDate.of(2027, 6, 30))
 *         .withLink(URI.create("https://api.example.com/docs/legacy-basic"))
 *         .refusingAfterSunset();
 * }</pre>
 *
 * Both dates are whole seconds on the wire; a date in the future announces a deprecation or a
 * sunset to come. Immutable and thread-safe.
 *
 * @param deprecatedSince when Basic was, or will be, deprecated
 * @param sunset when Basic stops being honoured; empty for no date yet
 * @param link documentation of the deprecation and the way out, sent as {@code rel="deprecation"}
 *     and, with a sunset, {@code rel="sunset"}; an absolute {@code http(s)} URI without user info
 * @param refuseAfterSunset whether a Basic credential is refused from the sunset on (needs a sunset)
 */
public record LegacyDeprecation(Instant deprecatedSince, Optional<Instant> sunset, Optional<URI> link,
        boolean refuseAfterSunset) {

    /**
     * @throws IllegalArgumentException for a sunset before the deprecation (RFC 9745 section 5), a
     *     refusal without a sunset, a date an HTTP-date cannot express (outside years 1-9999), or a
     *     link that is not an absolute http(s) URI with a host and no user info
     */
    public LegacyDeprecation {
        Objects.requireNonNull(deprecatedSince, "deprecatedSince");
        Objects.requireNonNull(sunset, "sunset");
        Objects.requireNonNull(link, "link");
        deprecatedSince = writable(deprecatedSince, "deprecatedSince");
        sunset = sunset.map(s -> writable(s, "sunset"));
        if (sunset.isPresent() && sunset.get().isBefore(deprecatedSince)) {
            throw new IllegalArgumentException("the sunset " + sunset.get() + " is before the deprecation " + deprecatedSince);
        }
        if (refuseAfterSunset && sunset.isEmpty()) {
            throw new IllegalArgumentException("refusing Basic after the sunset needs a sunset date");
        }
        link.ifPresent(LegacyDeprecation::checkLink);
    }

    /** Deprecated since {@code instant} (truncated to the second), no sunset, no link, never refused. */
    public static LegacyDeprecation since(Instant instant) {
        return new LegacyDeprecation(instant, Optional.empty(), Optional.empty(), false);
    }

    /** Deprecated since the start of {@code date} in UTC. */
    public static LegacyDeprecation since(LocalDate date) {
        return since(startOf(date));
    }

    /** This policy with its sunset at {@code instant}, truncated to the second. */
    public LegacyDeprecation withSunset(Instant instant) {
        return new LegacyDeprecation(deprecatedSince, Optional.of(instant), link, refuseAfterSunset);
    }

    /** This policy with its sunset at the start of {@code date} in UTC: from then on Basic is past it. */
    public LegacyDeprecation withSunset(LocalDate date) {
        return withSunset(startOf(date));
    }

    /** This policy linking to {@code documentation}. */
    public LegacyDeprecation withLink(URI documentation) {
        return new LegacyDeprecation(deprecatedSince, sunset, Optional.of(documentation), refuseAfterSunset);
    }

    /** This policy, refusing Basic credentials from the sunset on. */
    public LegacyDeprecation refusingAfterSunset() {
        return new LegacyDeprecation(deprecatedSince, sunset, link, true);
    }

    private static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Instant writable(Instant instant, String name) {
        Instant whole = Instant.ofEpochSecond(instant.getEpochSecond());
        if (whole.isBefore(Instant.parse("0001-01-01T00:00:00Z")) || whole.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
            throw new IllegalArgumentException(name + " must be within the years 1 to 9999: " + instant);
        }
        return whole;
    }

    private static void checkLink(URI link) {
        String scheme = link.getScheme();
        if (!link.isAbsolute() || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
                || link.getHost() == null || link.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the deprecation link must be an absolute http(s) URI with a host and no"
                    + " user info: " + link);
        }
    }
}
