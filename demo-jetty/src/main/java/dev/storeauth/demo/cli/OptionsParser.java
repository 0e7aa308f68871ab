package dev.storeauth.demo.cli;

import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.policy.StoreQuota;
import dev.storeauth.servlet.ErrorFormat;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Parses the demo's command line: {@code --name value} or {@code --name=value}, each option at most
 * once. Never throws: every mistake is a {@link CommandLine.Invalid} naming it.
 *
 * <pre>{@code
 * CommandLine line = OptionsParser.parse(List.of("--port", "9443", "--data-dir=/tmp/demo"));
 * }</pre>
 */
public final class OptionsParser {

    /** The text {@code --help} prints. */
    public static final String USAGE = """
            Usage: java -jar demo-jetty.jar [options]

            Runs a small store API protected by storeauth, and its control panel.

            Options:
              --port N           HTTPS port (default 8443; 0 picks a free port)
              --http-port N      plain-HTTP port: redirects pages to HTTPS, refuses API calls
                                 (default 8080; 0 picks a free port)
              --data-dir DIR     H2 database, TLS key store and its password (default ./demo-data)
              --jdbc-url URL     use this database instead of the H2 file, e.g.
                                 jdbc:postgresql://127.0.0.1:5432/test?user=postgres
                                 or jdbc:mariadb://127.0.0.1:3306/test?user=root
              --store-hash HASH  the store to serve (default: the one in the database, or a new
                                 one generated on first start and kept)
              --bind ADDRESS     the IP address to listen on (default 127.0.0.1; 0.0.0.0 or ::
                                 for every interface)
              --public-host NAME the name clients use: put in the certificate and in redirects
                                 (default localhost)
              --store-quota N/PERIOD
                                 store API requests each store may make per period, PERIOD
                                 in ms, s, m or h; then 429 with X-Retry-After (default
                                 450/30s; off for none)
              --redis-url URL    count the failure limits and the store quota in this Redis,
                                 shared by every node using it, e.g. redis://127.0.0.1:6379
                                 (default: in the --jdbc-url database when it is PostgreSQL,
                                 else in this process)
              --legacy-sunset YYYY-MM-DD
                                 refuse HTTP Basic (legacy API accounts) from the start of
                                 that day (UTC) on, announcing it in every answer to a Basic
                                 request until then with Sunset, beside Deprecation and a Link
                                 to /manage/assets/legacy-basic.html (default: no sunset; Basic
                                 is marked deprecated since 2023-07-01 and still served)
              --report-only-routes FILE
                                 apply the route table in FILE (RouteTable text over the
                                 platform's scopes) in report-only mode: requests it would
                                 deny still go through, and are logged once per rule a
                                 minute (default: none)
              --leak-report-keys FILE
                                 take GitHub secret-scanning reports of leaked tokens at
                                 POST /secret-scanning/reports, signed by the keys in FILE
                                 (GitHub's format, from api.github.com/meta/public_keys/
                                 secret_scanning); live ones are revoked at once
              --error-format rfc9457|bigcommerce
                                 how the store API writes denials and problems: RFC 9457
                                 application/problem+json, or the platform's application/json
                                 shapes (v3 {status, title, type, errors}, v2 [{status,
                                 message}]); same statuses and headers (default rfc9457)
              --metrics-port N   serve GET /metrics (Prometheus text: storeauth.* meters) and
                                 GET /health on 127.0.0.1:N only, plain HTTP (default: off;
                                 0 picks a free port)
              --scope-catalogue storeauth|platform
                                 the scopes API accounts are granted from: storeauth's own
                                 catalogue, or the platform's full OAuth scope list with its
                                 scope names (store_v2_products, ...) and routes (default
                                 storeauth)
              --help             print this and exit

            Maintenance (each runs instead of the server, then exits; stop the server first):
              --backup FILE      write a backup of the H2 database in --data-dir to FILE
              --restore FILE     replace the H2 database in --data-dir with the backup in FILE
              --reset-password EMAIL
                                 give that control-panel user a new password and print it once

            Environment:
              STOREAUTH_OWNER_PASSWORD, STOREAUTH_STAFF_PASSWORD
                                 the control-panel passwords set on first start (default: generated
                                 and printed once)
            """;

    private OptionsParser() {
    }

    /** Parses {@code args}; see {@link CommandLine}. */
    public static CommandLine parse(List<String> args) {
        OptionValues values = new OptionValues();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                return new CommandLine.Help();
            }
            Optional<String> problem = arg.contains("=") && arg.startsWith("--")
                    ? values.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1))
                    : i + 1 < args.size() && OptionValues.isKnown(arg)
                    ? values.put(arg, args.get(++i))
                    : Optional.of(OptionValues.isKnown(arg) ? arg + " needs a value" : "unknown option: " + arg);
            if (problem.isPresent()) {
                return new CommandLine.Invalid(problem.get());
            }
        }
        return values.toCommandLine();
    }

    /** Parses a port value; empty when it is not a decimal number. */
    static Optional<Integer> port(String value) {
        if (value.isEmpty() || value.length() > 5 || !value.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(value));
    }

    /**
     * Parses a {@code --scope-catalogue} value: {@code storeauth} or {@code platform}.
     *
     * @throws IllegalArgumentException naming {@code --scope-catalogue} and its values
     */
    static ScopeCatalogue scopeCatalogue(String value) {
        return switch (value) {
            case "storeauth" -> ScopeCatalogue.defaults();
            case "platform" -> ScopeCatalogue.platform();
            default -> throw new IllegalArgumentException("--scope-catalogue must be storeauth or platform (got "
                    + value + ")");
        };
    }

    /**
     * Parses an {@code --error-format} value.
     *
     * @throws IllegalArgumentException naming {@code --error-format} and its values
     */
    static ErrorFormat errorFormat(String value) {
        try {
            return ErrorFormat.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--error-format must be rfc9457 or bigcommerce (got " + value + ")", e);
        }
    }

    /**
     * Parses a store quota value: {@code off} (empty), or {@code N/PERIOD} as {@link StoreQuota.Quota#parse} reads it.
     *
     * @throws IllegalArgumentException naming {@code --store-quota} and the forms it takes
     */
    static Optional<StoreQuota.Quota> storeQuota(String value) {
        if (value.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        try {
            return Optional.of(StoreQuota.Quota.parse(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--store-quota must be requests/period such as 450/30s (period in"
                    + " ms, s, m or h), or off (got " + value + ")", e);
        }
    }

    /**
     * Parses a {@code --legacy-sunset} day.
     *
     * @throws IllegalArgumentException naming {@code --legacy-sunset} and the form it takes
     */
    static LocalDate legacySunset(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--legacy-sunset must be a date YYYY-MM-DD such as 2027-06-30 (got "
                    + value + ")", e);
        }
    }

    static Path path(String value) {
        return Path.of(value);
    }
}
