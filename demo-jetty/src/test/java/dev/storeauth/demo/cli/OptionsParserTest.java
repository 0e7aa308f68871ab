package dev.storeauth.demo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.policy.StoreQuota;
import dev.storeauth.servlet.ErrorFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class OptionsParserTest {

    @Test
    void noArgumentsMeansTheDefaults() {
        assertEquals(new CommandLine.Run(DemoOptions.DEFAULTS), OptionsParser.parse(List.of()));
    }

    @Test
    void readsEveryOptionInBothForms() {
        CommandLine line = OptionsParser.parse(List.of("--port", "9443", "--http-port=9080", "--data-dir", "/tmp/d",
                "--jdbc-url=jdbc:postgresql://db/test?user=a", "--store-hash", "abc123"));

        assertEquals(new CommandLine.Run(new DemoOptions(9443, 9080, Path.of("/tmp/d"),
                Optional.of("jdbc:postgresql://db/test?user=a"), Optional.of("abc123"))), line);
    }

    @Test
    void readsTheInterfaceAndThePublicName() {
        CommandLine line = OptionsParser.parse(List.of("--bind", "::1", "--public-host=Shop.Example.COM"));

        assertEquals(new CommandLine.Run(new DemoOptions(8443, 8080, Path.of("demo-data"), Optional.empty(),
                Optional.empty(), "::1", "shop.example.com")), line);
    }

    @ParameterizedTest
    @CsvSource({"rfc9457, RFC9457", "bigcommerce, BIGCOMMERCE"})
    void readsTheErrorFormat(String text, ErrorFormat format) {
        assertEquals(new CommandLine.Run(DemoOptions.DEFAULTS.withErrorFormat(format)),
                OptionsParser.parse(List.of("--error-format=" + text)));
    }

    @Test
    void grantsFromStoreauthsCatalogueByDefaultAndFromThePlatformsWhenAsked() {
        assertEquals(ScopeCatalogue.defaults(), DemoOptions.DEFAULTS.scopeCatalogue());
        assertEquals(new CommandLine.Run(DemoOptions.DEFAULTS.withScopeCatalogue(ScopeCatalogue.platform())),
                OptionsParser.parse(List.of("--scope-catalogue", "platform")));
        assertEquals(new CommandLine.Run(DemoOptions.DEFAULTS),
                OptionsParser.parse(List.of("--scope-catalogue=storeauth")));
    }

    @Test
    void writesRfc9457ProblemsByDefault() {
        assertEquals(ErrorFormat.RFC9457, DemoOptions.DEFAULTS.errorFormat());
    }

    @Test
    void readsTheLeakReportKeyFile() {
        CommandLine line = OptionsParser.parse(List.of("--leak-report-keys", "/etc/storeauth/github-keys.json"));

        assertEquals(new CommandLine.Run(DemoOptions.DEFAULTS.withLeakReportKeys(
                Optional.of(Path.of("/etc/storeauth/github-keys.json")))), line);
        assertEquals(Optional.empty(), DemoOptions.DEFAULTS.leakReportKeys());
    }

    @Test
    void servesMetricsOnlyWhenAskedOnThePortGiven() {
        assertEquals(new CommandLine.Run(DemoOptions.DEFAULTS.withMetricsPort(OptionalInt.of(9464))),
                OptionsParser.parse(List.of("--metrics-port", "9464")));
        assertEquals(new CommandLine.Run(DemoOptions.DEFAULTS.withMetricsPort(OptionalInt.of(0))),
                OptionsParser.parse(List.of("--metrics-port=0")));
        assertEquals(OptionalInt.empty(), DemoOptions.DEFAULTS.metricsPort());
    }

    @Test
    void givesEveryStoreTheLargerPlansQuotaByDefault() {
        assertEquals(Optional.of(new StoreQuota.Quota(450, Duration.ofSeconds(30))), DemoOptions.DEFAULTS.storeQuota());
    }

    @ParameterizedTest
    @CsvSource({"5/2s, 5, 2000", "150/30s, 150, 30000", "1000/1m, 1000, 60000", "20/500ms, 20, 500", "1/1h, 1, 3600000"})
    void readsAStoreQuotaAsRequestsPerPeriod(String text, long requests, long windowMillis) {
        CommandLine line = OptionsParser.parse(List.of("--store-quota", text));

        assertEquals(new CommandLine.Run(DemoOptions.DEFAULTS.withStoreQuota(
                Optional.of(new StoreQuota.Quota(requests, Duration.ofMillis(windowMillis))))), line);
    }

    @Test
    void offMeansNoStoreQuota() {
        assertEquals(new CommandLine.Run(DemoOptions.DEFAULTS.withStoreQuota(Optional.empty())),
                OptionsParser.parse(List.of("--store-quota=off")));
    }

    @Test
    void readsARedisUrlAndHasNoneByDefault() {
        assertEquals(Optional.empty(), DemoOptions.DEFAULTS.redisUrl());
        assertEquals(new CommandLine.Run(DemoOptions.DEFAULTS.withRedisUrl(Optional.of("redis://10.0.0.5:6379"))),
                OptionsParser.parse(List.of("--redis-url", "redis://10.0.0.5:6379")));
    }

    @Test
    void listensOnLoopbackAndCallsItselfLocalhostByDefault() {
        assertEquals("127.0.0.1", DemoOptions.DEFAULTS.bindAddress());
        assertEquals("localhost", DemoOptions.DEFAULTS.publicHost());
    }

    @Test
    void readsEachMaintenanceTaskWithTheDataDirectory() {
        DemoOptions options = new DemoOptions(8443, 8080, Path.of("/tmp/d"), Optional.empty(), Optional.empty());

        assertEquals(new CommandLine.Backup(options, Path.of("/tmp/b.zip")),
                OptionsParser.parse(List.of("--data-dir", "/tmp/d", "--backup", "/tmp/b.zip")));
        assertEquals(new CommandLine.Restore(options, Path.of("/tmp/b.zip")),
                OptionsParser.parse(List.of("--data-dir", "/tmp/d", "--restore=/tmp/b.zip")));
        assertEquals(new CommandLine.ResetPassword(options, "owner@example.com"),
                OptionsParser.parse(List.of("--data-dir", "/tmp/d", "--reset-password", "Owner@Example.com")));
    }

    @Test
    void helpWinsOverEverythingElse() {
        assertInstanceOf(CommandLine.Help.class, OptionsParser.parse(List.of("--port", "x", "--help")));
        assertInstanceOf(CommandLine.Help.class, OptionsParser.parse(List.of("-h")));
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of(List.of("--bogus"), "unknown option: --bogus"),
                Arguments.of(List.of("--error-format", "xml"), "--error-format must be rfc9457 or bigcommerce (got xml)"),
                Arguments.of(List.of("--error-format=BigCommerce"),
                        "--error-format must be rfc9457 or bigcommerce (got BigCommerce)"),
                Arguments.of(List.of("--bogus=1"), "unknown option: --bogus"),
                Arguments.of(List.of("--scope-catalogue", "bigcommerce"),
                        "--scope-catalogue must be storeauth or platform (got bigcommerce)"),
                Arguments.of(List.of("--scope-catalogue=Platform"),
                        "--scope-catalogue must be storeauth or platform (got Platform)"),
                Arguments.of(List.of("serve"), "unknown option: serve"),
                Arguments.of(List.of("--port"), "--port needs a value"),
                Arguments.of(List.of("--port="), "--port needs a value"),
                Arguments.of(List.of("--port", "https"), "--port must be a port number 0-65535 (got https)"),
                Arguments.of(List.of("--port", "-1"), "--port must be a port number 0-65535 (got -1)"),
                Arguments.of(List.of("--port", "70000"), "--port must be a port number 0-65535 (got 70000)"),
                Arguments.of(List.of("--http-port", "123456"), "--http-port must be a port number 0-65535 (got 123456)"),
                Arguments.of(List.of("--port", "8080"), "--port and --http-port must differ (both are 8080)"),
                Arguments.of(List.of("--port", "1", "--port", "2"), "--port given twice"),
                Arguments.of(List.of("--metrics-port", "x"), "--metrics-port must be a port number 0-65535 (got x)"),
                Arguments.of(List.of("--metrics-port", "8443"),
                        "--metrics-port must differ from --port and --http-port (got 8443)"),
                Arguments.of(List.of("--jdbc-url", "postgres://x"), "--jdbc-url must start with jdbc: (got postgres://x)"),
                Arguments.of(List.of("--store-hash", "ABC"),
                        "--store-hash must be 1-32 lower-case letters and digits (got ABC)"),
                Arguments.of(List.of("--data-dir", "a\0b"), "Nul character not allowed: a\0b"),
                Arguments.of(List.of("--bind", "localhost"),
                        "--bind must be an IPv4 or IPv6 address, such as 127.0.0.1 or ::1 (got localhost)"),
                Arguments.of(List.of("--bind", "1.2.3.4.5"),
                        "--bind must be an IPv4 or IPv6 address, such as 127.0.0.1 or ::1 (got 1.2.3.4.5)"),
                Arguments.of(List.of("--bind", "256.0.0.1"),
                        "--bind must be an IPv4 or IPv6 address, such as 127.0.0.1 or ::1 (got 256.0.0.1)"),
                Arguments.of(List.of("--bind", "g:evil.example"),
                        "--bind must be an IPv4 or IPv6 address, such as 127.0.0.1 or ::1 (got g:evil.example)"),
                Arguments.of(List.of("--public-host", "evil.example/x"),
                        "--public-host must be a DNS name or an IP address (got evil.example/x)"),
                Arguments.of(List.of("--public-host", "a..b"),
                        "--public-host must be a DNS name or an IP address (got a..b)"),
                Arguments.of(List.of("--public-host", "1.2.3.4.5"),
                        "--public-host must be a DNS name or an IP address (got 1.2.3.4.5)"),
                Arguments.of(List.of("--store-quota", "450"), quotaMistake("450")),
                Arguments.of(List.of("--store-quota", "0/30s"), quotaMistake("0/30s")),
                Arguments.of(List.of("--store-quota", "450/30"), quotaMistake("450/30")),
                Arguments.of(List.of("--store-quota", "450/30d"), quotaMistake("450/30d")),
                Arguments.of(List.of("--store-quota", "-5/2s"), quotaMistake("-5/2s")),
                Arguments.of(List.of("--store-quota", "none"), quotaMistake("none")),
                Arguments.of(List.of("--redis-url", "http://:hunter2@cache:6379"),
                        "--redis-url must start with redis:// or rediss://"),
                Arguments.of(List.of("--legacy-sunset", "2027-6-30"), sunsetMistake("2027-6-30")),
                Arguments.of(List.of("--legacy-sunset", "2027-02-30"), sunsetMistake("2027-02-30")),
                Arguments.of(List.of("--legacy-sunset", "30/06/2027"), sunsetMistake("30/06/2027")),
                Arguments.of(List.of("--legacy-sunset", "2027-06-30T00:00:00Z"), sunsetMistake("2027-06-30T00:00:00Z")),
                Arguments.of(List.of("--legacy-sunset", "soon"), sunsetMistake("soon")),
                Arguments.of(List.of("--legacy-sunset="), "--legacy-sunset needs a value"),
                Arguments.of(List.of("--report-only-routes"), "--report-only-routes needs a value"),
                Arguments.of(List.of("--report-only-routes", "a", "--report-only-routes=b"),
                        "--report-only-routes given twice"),
                Arguments.of(List.of("--legacy-sunset", "2023-06-30"),
                        "--legacy-sunset must not be before Basic was deprecated, 2023-07-01 (got 2023-06-30)"),
                Arguments.of(List.of("--backup", "a", "--restore", "b"),
                        "--backup and --restore cannot be combined: run one at a time"));
    }

    private static String sunsetMistake(String value) {
        return "--legacy-sunset must be a date YYYY-MM-DD such as 2027-06-30 (got " + value + ")";
    }

    @ParameterizedTest
    @CsvSource({"2027-06-30", "2023-07-01", "9999-12-31"})
    void readsALegacySunsetDay(String day) {
        assertEquals(new CommandLine.Run(DemoOptions.DEFAULTS.withLegacySunset(Optional.of(LocalDate.parse(day)))),
                OptionsParser.parse(List.of("--legacy-sunset", day)));
    }

    @Test
    void readsAReportOnlyRoutesFileAndHasNoneByDefault() {
        assertEquals(Optional.empty(), DemoOptions.DEFAULTS.reportOnlyRoutes());
        assertEquals(new CommandLine.Run(DemoOptions.DEFAULTS.withReportOnlyRoutes(Optional.of(Path.of("/etc/candidate")))),
                OptionsParser.parse(List.of("--report-only-routes=/etc/candidate")));
    }

    @Test
    void hasNoLegacySunsetByDefaultAndMarksBasicDeprecatedSinceTheDemosDate() {
        assertEquals(Optional.empty(), DemoOptions.DEFAULTS.legacySunset());
        assertEquals(LocalDate.of(2023, 7, 1), DemoOptions.LEGACY_DEPRECATED_SINCE);
    }

    private static String quotaMistake(String value) {
        return "--store-quota must be requests/period such as 450/30s (period in ms, s, m or h), or off (got "
                + value + ")";
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void namesTheMistake(List<String> args, String message) {
        assertEquals(new CommandLine.Invalid(message), OptionsParser.parse(args));
    }

    @Test
    void usageListsEveryOption() {
        for (String option : List.of("--port", "--http-port", "--data-dir", "--jdbc-url", "--store-hash", "--bind",
                "--public-host", "--store-quota", "--redis-url", "--error-format", "--metrics-port",
                "--scope-catalogue", "--backup", "--restore", "--reset-password", "--help")) {
            org.junit.jupiter.api.Assertions.assertTrue(OptionsParser.USAGE.contains(option), option);
        }
    }
}
