package dev.storeauth.auth;

import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.ApiVersion;
import dev.storeauth.policy.ResourceDefinition;
import dev.storeauth.policy.RouteTable;
import dev.storeauth.policy.internal.StorePath;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges each request the enforcing table let through by a candidate table, in the order the
 * authenticator does (scheme, route, scope), counting and reporting what the candidate would deny.
 * The counts' keys come from the candidate's rules, never from a request, so they are bounded by its
 * size. Thread-safe.
 */
final class ReportOnlyCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ReportOnlyRoutes.class);

    private final RouteTable candidate;
    private final ReportOnlyRoutes.Listener listener;
    private final Clock clock;
    private final Map<ReportOnlyRoutes.WouldDeny, LongAdder> counts = new ConcurrentHashMap<>();
    private final AtomicLong lastFailureMinute = new AtomicLong(Long.MIN_VALUE);

    ReportOnlyCheck(RouteTable candidate, ReportOnlyRoutes.Listener listener, Clock clock) {
        this.candidate = candidate;
        this.listener = listener;
        this.clock = clock;
    }

    /**
     * The check of {@code candidate}, or {@code null} without one.
     *
     * @param listener {@code null} for the rate-limited log
     * @throws IllegalArgumentException if the candidate accepts a scheme not among {@code schemes}
     * @throws IllegalStateException for a listener without a candidate
     */
    static ReportOnlyCheck of(RouteTable candidate, ReportOnlyRoutes.Listener listener, String realm,
            List<CredentialScheme<?>> schemes, Clock clock) {
        if (candidate == null) {
            if (listener != null) {
                throw new IllegalStateException("reportOnlyListener needs reportOnlyRoutes");
            }
            return null;
        }
        try {
            Acceptances.of(realm, schemes, candidate);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("reportOnlyRoutes: " + e.getMessage(), e);
        }
        return new ReportOnlyCheck(candidate, listener == null ? new ReportOnlyLog(clock) : listener, clock);
    }

    /** Counts and reports {@code result} when it let the request through and the candidate would not. */
    void review(AuthResult result, StorePath path, ApiRequest request) {
        if (!(result instanceof AuthResult.Authenticated authenticated)) {
            return;
        }
        RouteTable.Match match = candidate.match(path.version(), path.resourceText(), path.resourceStart());
        ReportOnlyRoutes.WouldDeny denial = judge(match, authenticated, request.method(), path.version());
        if (denial != null) {
            counts.computeIfAbsent(denial, d -> new LongAdder()).increment();
            report(new ReportOnlyRoutes.Report(denial, authenticated.principal(), request.method(), request.path()));
        }
    }

    /** How many requests each way of denying would have denied; a snapshot. */
    Map<ReportOnlyRoutes.WouldDeny, Long> statistics() {
        Map<ReportOnlyRoutes.WouldDeny, Long> snapshot = new HashMap<>();
        counts.forEach((denial, count) -> snapshot.put(denial, count.sum()));
        return Map.copyOf(snapshot);
    }

    private static ReportOnlyRoutes.WouldDeny judge(RouteTable.Match match, AuthResult.Authenticated authenticated,
            String method, ApiVersion version) {
        if (!match.schemes().contains(authenticated.principal().scheme())) {
            return new ReportOnlyRoutes.WouldDeny(rule(match, version), ReportOnlyRoutes.Reason.SCHEME_NOT_ACCEPTED,
                    String.join(" ", match.schemes()));
        }
        if (match.definition().isEmpty()) {
            return new ReportOnlyRoutes.WouldDeny(rule(match, version), ReportOnlyRoutes.Reason.UNMAPPED_PATH, "");
        }
        ResourceDefinition definition = match.definition().get();
        AccessLevel required = AccessLevel.requiredFor(method);
        if (definition.scoped() && !authenticated.scopes().levelFor(definition.id()).covers(required)) {
            return new ReportOnlyRoutes.WouldDeny(rule(match, version), ReportOnlyRoutes.Reason.INSUFFICIENT_SCOPE,
                    definition.id() + ":" + required.wireName());
        }
        return null;
    }

    private static ReportOnlyRoutes.Rule rule(RouteTable.Match match, ApiVersion version) {
        Optional<RouteTable.Route> route = match.route();
        return new ReportOnlyRoutes.Rule(version, route.map(RouteTable.Route::prefix),
                route.map(RouteTable.Route::resource));
    }

    private void report(ReportOnlyRoutes.Report report) {
        try {
            listener.wouldDeny(report);
        } catch (RuntimeException e) {
            long minute = Math.floorDiv(clock.millis(), 60_000);
            if (lastFailureMinute.getAndSet(minute) != minute) {
                LOG.warn("the report-only listener threw, which it should not; dropped: {}", e.toString());
            }
        }
    }
}
