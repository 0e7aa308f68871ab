package dev.storeauth.demo.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** The option values seen so far, checked one by one and then together. Not thread-safe. */
final class OptionValues {

    private static final Set<String> KNOWN = Set.of("--port", "--http-port", "--data-dir", "--jdbc-url",
            "--store-hash", "--bind", "--public-host", "--store-quota", "--redis-url", "--legacy-sunset",
            "--report-only-routes", "--leak-report-keys", "--error-format", "--metrics-port", "--scope-catalogue",
            "--backup", "--restore", "--reset-password");
    private static final List<String> TASKS = List.of("--backup", "--restore", "--reset-password");

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
        Optional<Integer> metrics = port("--metrics-port", 0);
        if (https.isEmpty() || http.isEmpty() || metrics.isEmpty()) {
            String option = https.isEmpty() ? "--port" : http.isEmpty() ? "--http-port" : "--metrics-port";
            return new CommandLine.Invalid(option + " must be a port number 0-65535 (got " + values.get(option) + ")");
        }
        List<String> tasks = TASKS.stream().filter(values::containsKey).toList();
        if (tasks.size() > 1) {
            return new CommandLine.Invalid(String.join(" and ", tasks) + " cannot be combined: run one at a time");
        }
        try {
            DemoOptions options = new DemoOptions(https.get(), http.get(),
                    Optional.ofNullable(values.get("--data-dir")).map(OptionsParser::path).orElse(defaults.dataDir()),
                    Optional.ofNullable(values.get("--jdbc-url")), Optional.ofNullable(values.get("--store-hash")),
                    values.getOrDefault("--bind", DemoOptions.DEFAULT_BIND),
                    values.getOrDefault("--public-host", DemoOptions.DEFAULT_PUBLIC_HOST).toLowerCase(Locale.ROOT),
                    Optional.ofNullable(values.get("--store-quota")).map(OptionsParser::storeQuota)
                            .orElse(defaults.storeQuota()),
                    Optional.ofNullable(values.get("--redis-url")),
                    Optional.ofNullable(values.get("--legacy-sunset")).map(OptionsParser::legacySunset),
                    Optional.ofNullable(values.get("--report-only-routes")).map(OptionsParser::path),
                    Optional.ofNullable(values.get("--leak-report-keys")).map(OptionsParser::path),
                    Optional.ofNullable(values.get("--error-format")).map(OptionsParser::errorFormat)
                            .orElse(defaults.errorFormat()),
                    values.containsKey("--metrics-port") ? OptionalInt.of(metrics.get()) : OptionalInt.empty(),
                    Optional.ofNullable(values.get("--scope-catalogue")).map(OptionsParser::scopeCatalogue)
                            .orElse(defaults.scopeCatalogue()));
            return tasks.isEmpty() ? new CommandLine.Run(options) : task(tasks.get(0), options);
        } catch (IllegalArgumentException e) {
            return new CommandLine.Invalid(e.getMessage());
        }
    }

    private CommandLine task(String option, DemoOptions options) {
        String value = values.get(option);
        return switch (option) {
            case "--backup" -> new CommandLine.Backup(options, OptionsParser.path(value));
            case "--restore" -> new CommandLine.Restore(options, OptionsParser.path(value));
            default -> new CommandLine.ResetPassword(options, value.strip().toLowerCase(Locale.ROOT));
        };
    }

    private Optional<Integer> port(String option, int fallback) {
        String value = values.get(option);
        return value == null ? Optional.of(fallback) : OptionsParser.port(value);
    }
}
