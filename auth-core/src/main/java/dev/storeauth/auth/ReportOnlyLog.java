package dev.storeauth.auth;

import dev.storeauth.net.internal.SafeText;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default report-only listener: one INFO line for the first request each way of denying would
 * deny in each minute of the clock, saying how many like it went unlogged since its last line, so a
 * busy path cannot flood the log. The ways of denying come from the candidate's rules, so the state
 * kept is bounded by its size. Thread-safe.
 */
final class ReportOnlyLog implements ReportOnlyRoutes.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(ReportOnlyRoutes.class);

    private final Clock clock;
    private final Consumer<String> sink;
    private final Map<ReportOnlyRoutes.WouldDeny, Window> windows = new ConcurrentHashMap<>();

    /** The minute last logged, and the reports left out since. */
    private static final class Window {
        long minute = Long.MIN_VALUE;
        long unlogged;
    }

    ReportOnlyLog(Clock clock) {
        this(clock, LOG::info);
    }

    ReportOnlyLog(Clock clock, Consumer<String> sink) {
        this.clock = clock;
        this.sink = sink;
    }

    @Override
    public void wouldDeny(ReportOnlyRoutes.Report report) {
        long minute = Math.floorDiv(clock.millis(), 60_000);
        Window window = windows.computeIfAbsent(report.wouldDeny(), d -> new Window());
        long unlogged;
        synchronized (window) {
            if (window.minute == minute) {
                window.unlogged++;
                return;
            }
            window.minute = minute;
            unlogged = window.unlogged;
            window.unlogged = 0;
        }
        sink.accept(line(report, unlogged));
    }

    static String line(ReportOnlyRoutes.Report report, long unlogged) {
        ReportOnlyRoutes.WouldDeny denial = report.wouldDeny();
        ApiPrincipal principal = report.principal();
        return "report-only rule " + denial.rule() + " would deny " + SafeText.echo(report.method()) + " "
                + SafeText.echo(report.path()) + " by " + SafeText.echo(principal.name()) + " (" + principal.scheme()
                + ") of store " + principal.storeHash() + ": " + denial.reason().name().toLowerCase(Locale.ROOT)
                + (denial.needs().isEmpty() ? "" : ", needs " + denial.needs())
                + (unlogged == 0 ? "" : "; " + unlogged + " more like it since its last line");
    }
}
