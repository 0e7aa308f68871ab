package dev.storeauth.servlet.leak;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storeauth.leak.LeakReports;
import dev.storeauth.leak.LeakedToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a signed report's body: a JSON array of at most {@link LeakReports#MAX_TOKENS} objects, each with
 * a string {@code token} and optionally string {@code type}, {@code url} and {@code source} (other members
 * are ignored), within {@link LeakedToken}'s bounds; no key repeated. Anything else is refused naming the
 * value at fault as a path ({@code [2].token}), or {@code body}.
 */
final class ReportBody {

    /** What was read: the tokens, or why not. */
    sealed interface Result permits Read, Refused {
    }

    record Read(List<LeakedToken> tokens) implements Result {
        Read {
            tokens = List.copyOf(tokens);
        }
    }

    record Refused(String field, String detail) implements Result {
        Refused {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(detail, "detail");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(4).maxNumberLength(100).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private ReportBody() {
    }

    static Result parse(byte[] body) {
        JsonNode root;
        try (JsonParser parser = JSON.createParser(body)) {
            root = JSON.readTree(parser);
            if (root != null && parser.nextToken() != null) {
                return new Refused("body", "the body must be one JSON array, with nothing after it");
            }
        } catch (IOException e) {
            return new Refused("body", "the body is not valid JSON, or repeats a key in an object");
        }
        if (root == null || !root.isArray()) {
            return new Refused("body", "the body must be a JSON array of reported tokens");
        }
        if (root.size() > LeakReports.MAX_TOKENS) {
            return new Refused("body", "a report holds at most " + LeakReports.MAX_TOKENS + " tokens, not " + root.size());
        }
        List<LeakedToken> tokens = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            JsonNode match = root.get(i);
            Optional<Refused> refused = problem(match, "[" + i + "]");
            if (refused.isPresent()) {
                return refused.get();
            }
            tokens.add(new LeakedToken(match.get("token").textValue(), text(match, "type"), text(match, "url"),
                    text(match, "source")));
        }
        return new Read(tokens);
    }

    private static Optional<Refused> problem(JsonNode match, String path) {
        if (!match.isObject()) {
            return Optional.of(new Refused(path, path + " must be an object with a token"));
        }
        if (!match.path("token").isTextual() || match.get("token").textValue().isEmpty()) {
            return Optional.of(new Refused(path + ".token", path + ".token must be a non-empty string"));
        }
        for (String name : List.of("token", "type", "url", "source")) {
            JsonNode value = match.path(name);
            int most = limit(name);
            if (!value.isMissingNode() && !value.isNull() && !value.isTextual()) {
                return Optional.of(new Refused(path + "." + name, path + "." + name + " must be a string"));
            }
            if (value.asText("").length() > most || !isUnicode(value.asText(""))) {
                return Optional.of(new Refused(path + "." + name, path + "." + name
                        + " must be Unicode text of at most " + most + " characters"));
            }
        }
        return Optional.empty();
    }

    private static int limit(String name) {
        return switch (name) {
            case "token" -> LeakedToken.MAX_TOKEN_LENGTH;
            case "url" -> LeakedToken.MAX_URL_LENGTH;
            default -> LeakedToken.MAX_NAME_LENGTH;
        };
    }

    private static String text(JsonNode match, String name) {
        return match.path(name).isTextual() ? match.get(name).textValue() : "";
    }

    /** No unpaired surrogate (an escape of half a pair): such text would not be stored as sent. */
    private static boolean isUnicode(String text) {
        return text.codePoints().noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
    }
}
