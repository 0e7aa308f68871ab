package dev.storeauth.demo.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The option values seen so far, checked one by one and then together. Not thread-safe. */
final class OptionValues {

    private static final Set<String> KNOWN = Set.of("--port", "--http-port", "--data-dir", "--jdbc-url",
            "--store-hash");

    private final Map<String, String> values = new LinkedHashMap<>();

    static boolean isKnown(String option) {
        return KNOWN.contains(option);
    }

    /** Records one value; a problem when the option is unknown, repeated, or its value empty. */
    Optional<String> put(String option, String value) {
        if (!isKnown(option)) {
            return Optional.of("unknown option: " + option);
        }
        if (value.isEmpty()) {
            return Optional.of(option + " needs a value");
        }
        if (values.putIfAbsent(option, value) != null) {
            return Optional.of(option + " given twice");
        }
        return Optional.empty();
    }

    CommandLine toCommandLine() {
        DemoOptions defaults = DemoOptions.DEFAULTS;
        Optional<Integer> https = port("--port", defaults.httpsPort());
        Optional<Integer> http = port("--http-port", defaults.httpPort());
        if (https.isEmpty() || http.isEmpty()) {
            String option = https.isEmpty() ? "--port" : "--http-port";
            return new CommandLine.Invalid(option + " must be a port number 0-65535 (got " + values.get(option) + ")");
        }
        try {
            return new CommandLine.Run(new DemoOptions(https.get(), http.get(),
                    Optional.ofNullable(values.get("--data-dir")).map(OptionsParser::path).orElse(defaults.dataDir()),
                    Optional.ofNullable(values.get("--jdbc-url")), Optional.ofNullable(values.get("--store-hash"))));
        } catch (IllegalArgumentException e) {
            return new CommandLine.Invalid(e.getMessage());
        }
    }

    private Optional<Integer> port(String option, int fallback) {
        String value = values.get(option);
        return value == null ? Optional.of(fallback) : OptionsParser.port(value);
    }
}
