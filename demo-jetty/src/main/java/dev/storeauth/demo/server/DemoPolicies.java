package dev.storeauth.demo.server;

import dev.storeauth.demo.cli.DemoOptions;
import dev.storeauth.policy.LegacyDeprecation;
import dev.storeauth.policy.RouteTable;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.servlet.leak.SecretScanningKeys;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/** The policies the demo's options name, read before anything starts so a bad one starts nothing. Stateless. */
final class DemoPolicies {

    private DemoPolicies() {
    }

    /**
     * Basic deprecated since {@link DemoOptions#LEGACY_DEPRECATED_SINCE}, linking to the page the demo
     * serves about it under {@code httpsBase}; with a {@code sunset} ({@code --legacy-sunset}), refused from
     * that day on.
     */
    static LegacyDeprecation legacyDeprecation(Optional<LocalDate> sunset, URI httpsBase) {
        LegacyDeprecation since = LegacyDeprecation.since(DemoOptions.LEGACY_DEPRECATED_SINCE)
                .withLink(httpsBase.resolve(DemoServer.LEGACY_PAGE));
        return sunset.map(day -> since.withSunset(day).refusingAfterSunset()).orElse(since);
    }

    /**
     * The route table in {@code file}, over {@code catalogue} ({@code --scope-catalogue}).
     *
     * @throws IllegalStateException naming {@code --report-only-routes} when it cannot be read, is over
     *     1 MiB, is not UTF-8, or has a bad line
     */
    static RouteTable reportOnlyRoutes(Path file, ScopeCatalogue catalogue) {
        try {
            return RouteTable.read(file, catalogue);
        } catch (IOException e) {
            throw new IllegalStateException("--report-only-routes: cannot read " + file + " (" + e + ")", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("--report-only-routes: " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The keys of {@code --leak-report-keys}; empty without the option.
     *
     * @throws IllegalStateException naming the option and the file when it cannot be read or is not a key file
     */
    static Optional<SecretScanningKeys> leakReportKeys(DemoOptions options) {
        if (options.leakReportKeys().isEmpty()) {
            return Optional.empty();
        }
        Path file = options.leakReportKeys().get();
        try {
            return Optional.of(SecretScanningKeys.load(file));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("--leak-report-keys " + file + ": " + (e instanceof IOException
                    ? "cannot be read (" + e + ")" : e.getMessage()), e);
        }
    }
}
