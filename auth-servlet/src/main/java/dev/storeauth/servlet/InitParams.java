package dev.storeauth.servlet;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed access to filter init-params; every failure is an {@link IllegalArgumentException} whose
 * message starts with the parameter's name.
 */
final class InitParams {

    private final Map<String, String> values;

    /**
     * @throws IllegalArgumentException naming the first parameter neither in {@code known} nor
     *     starting with {@code openPrefix}
     */
    InitParams(Map<String, String> values, Set<String> known, String openPrefix) {
        for (String name : values.keySet()) {
            if (!known.contains(name) && !name.startsWith(openPrefix)) {
                throw new IllegalArgumentException(name + ": unknown init-param (known: " + known + ")");
            }
        }
        this.values = Map.copyOf(values);
    }

    Map<String, String> all() {
        return values;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String string(String name, String fallback) {
        String value = values.get(name);
        return value == null ? fallback : value.strip();
    }

    boolean bool(String name, boolean fallback) {
        String value = string(name, Boolean.toString(fallback));
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(name + ": expected true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    long positiveLong(String name, long fallback) {
        String value = string(name, Long.toString(fallback));
        try {
            long parsed = Long.parseLong(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + ": expected a positive whole number, got '" + value + "'");
    }

    /** ISO-8601 ({@code PT30S}) or a whole number of seconds. */
    Duration duration(String name, String fallback) {
        String value = string(name, fallback);
        try {
            Duration parsed = value.chars().allMatch(Character::isDigit) && !value.isEmpty()
                    ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
            if (!parsed.isNegative() && !parsed.isZero()) {
                return parsed;
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + ": expected a positive duration like PT30S or 30, got '" + value + "'");
    }

    <T> T parse(String name, Function<String, T> parser, T fallback) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }
}
