package dev.storeauth.demo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
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
    void helpWinsOverEverythingElse() {
        assertInstanceOf(CommandLine.Help.class, OptionsParser.parse(List.of("--port", "x", "--help")));
        assertInstanceOf(CommandLine.Help.class, OptionsParser.parse(List.of("-h")));
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of(List.of("--bogus"), "unknown option: --bogus"),
                Arguments.of(List.of("--bogus=1"), "unknown option: --bogus"),
                Arguments.of(List.of("serve"), "unknown option: serve"),
                Arguments.of(List.of("--port"), "--port needs a value"),
                Arguments.of(List.of("--port="), "--port needs a value"),
                Arguments.of(List.of("--port", "https"), "--port must be a port number 0-65535 (got https)"),
                Arguments.of(List.of("--port", "-1"), "--port must be a port number 0-65535 (got -1)"),
                Arguments.of(List.of("--port", "70000"), "--port must be a port number 0-65535 (got 70000)"),
                Arguments.of(List.of("--http-port", "123456"), "--http-port must be a port number 0-65535 (got 123456)"),
                Arguments.of(List.of("--port", "8080"), "--port and --http-port must differ (both are 8080)"),
                Arguments.of(List.of("--port", "1", "--port", "2"), "--port given twice"),
                Arguments.of(List.of("--jdbc-url", "postgres://x"), "--jdbc-url must start with jdbc: (got postgres://x)"),
                Arguments.of(List.of("--store-hash", "ABC"),
                        "--store-hash must be 1-32 lower-case letters and digits (got ABC)"),
                Arguments.of(List.of("--data-dir", "a\0b"), "Nul character not allowed: a\0b"));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void namesTheMistake(List<String> args, String message) {
        assertEquals(new CommandLine.Invalid(message), OptionsParser.parse(args));
    }

    @Test
    void usageListsEveryOption() {
        for (String option : List.of("--port", "--http-port", "--data-dir", "--jdbc-url", "--store-hash", "--help")) {
            org.junit.jupiter.api.Assertions.assertTrue(OptionsParser.USAGE.contains(option), option);
        }
    }
}
