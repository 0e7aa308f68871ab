package dev.storeauth.auth;

import dev.storeauth.policy.ApiVersion;
import java.util.Objects;
import java.util.Optional;

/**
 * A candidate route table applied in report-only mode, as {@link Authenticator.Builder#reportOnlyRoutes}
 * configures it: the enforcing table decides every request; each request it lets through is judged by
 * the candidate too, and one the candidate would deny (a path it maps to no route, a scheme it does not
 * accept there, a scope too low at its resource) is still let through, counted by
 * {@link WouldDeny} in {@link Authenticator#reportOnlyStatistics()} and reported to a {@link Listener}.
 * Once nothing is reported that should not be, make the candidate the enforcing table.
 *
 * <pre>{@code
 * Authenticator authenticator = Authenticator.builder(cache)
 *         .reportOnlyRoutes(RouteTable.parse(tighterRules, catalogue))
 *         .reportOnlyListener(report -> metrics.increment(report.wouldDeny().toString()))
 *         .build();
 * }</pre>
 */
public final class ReportOnlyRoutes {

    private ReportOnlyRoutes() {
    }

    /** Why the candidate would deny a request. */
    public enum Reason {
        /** No route of the candidate covers the path: it would be 403 {@code unmapped_path}. */
        UNMAPPED_PATH,
        /** The candidate does not accept the request's scheme there: it would be 401 {@code oauth_required}. */
        SCHEME_NOT_ACCEPTED,
        /** The account's level at the candidate's resource is too low: it would be 403 {@code insufficient_scope}. */
        INSUFFICIENT_SCOPE
    }

    /**
     * A rule of the candidate table.
     *
     * @param version the API version
     * @param prefix the route's prefix; empty when no route covers the path (the version's default)
     * @param resource the id of the resource guarding it; empty when no route covers the path
     */
    public record Rule(ApiVersion version, Optional<String> prefix, Optional<String> resource) {
        public Rule {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(resource, "resource");
        }

        /** E.g. {@code v2 /products products}, or {@code v2 (no route)}. */
        @Override
        public String toString() {
            return version.segment() + " " + prefix.map(p -> p + " " + resource.orElse("")).orElse("(no route)");
        }
    }

    /**
     * One way the candidate would deny: what the statistics count.
     *
     * @param rule the rule that would deny
     * @param reason why
     * @param needs what it would take: the scope ({@code products:modify}), the schemes accepted there
     *     ({@code bearer}), or empty for a path no route covers
     */
    public record WouldDeny(Rule rule, Reason reason, String needs) {
        public WouldDeny {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(needs, "needs");
        }
    }

    /**
     * A request the enforcing table let through and the candidate would have denied.
     *
     * @param wouldDeny the rule, the reason and what it would take
     * @param principal who the request ran as
     * @param method the HTTP method
     * @param path the request path, as the client sent it (never the query or a header)
     */
    public record Report(WouldDeny wouldDeny, ApiPrincipal principal, String method, String path) {
        public Report {
            Objects.requireNonNull(wouldDeny, "wouldDeny");
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * Told of every request the candidate would deny, on the request thread, after it is counted:
     * implementations must be fast, must not block, and should not throw (what they throw is logged
     * and dropped; the request goes on).
     */
    @FunctionalInterface
    public interface Listener {

        /** {@code report}'s request went through, but the candidate would have denied it. */
        void wouldDeny(Report report);
    }
}
