package dev.storeauth.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The text form of a {@link RouteTable}: route lines and {@code accept} lines. */
final class RouteText {

    private static final String ACCEPT = "accept=";
    private static final Pattern SCHEME_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    private RouteText() {
    }

    /** The text of {@code file}: at most {@code maxBytes}, strict UTF-8; see {@link RouteTable#read}. */
    static String read(Path file, int maxBytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new IllegalArgumentException("larger than " + maxBytes + " bytes");
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8");
        }
    }

    static RouteTable parse(String text, ScopeCatalogue catalogue) {
        List<RouteTable.Route> routes = new ArrayList<>();
        Map<ApiVersion, List<String>> accepts = new EnumMap<>(ApiVersion.class);
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                read(line.split("\\s+"), routes, accepts, catalogue);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("route line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new RouteTable(routes, accepts, catalogue);
    }

    /** {@code accepts} completed from {@code defaults} (absent while the platform's table is built). */
    static Map<ApiVersion, List<String>> withDefaults(Map<ApiVersion, List<String>> accepts,
            Map<ApiVersion, List<String>> defaults) {
        Map<ApiVersion, List<String>> all = new EnumMap<>(ApiVersion.class);
        for (ApiVersion version : ApiVersion.values()) {
            List<String> names = accepts.containsKey(version) ? accepts.get(version)
                    : defaults == null ? List.of() : defaults.get(version);
            if (names.isEmpty()) {
                throw new IllegalArgumentException(version.segment() + " accepts no credential scheme");
            }
            all.put(version, schemes(names));
        }
        return Map.copyOf(all);
    }

    private static void read(String[] fields, List<RouteTable.Route> routes, Map<ApiVersion, List<String>> accepts,
            ScopeCatalogue catalogue) {
        if (fields[0].equals("accept")) {
            ApiVersion version = fields.length > 2 ? version(fields[1]) : null;
            if (version == null || accepts.put(version, schemes(tail(fields, 2))) != null) {
                throw new IllegalArgumentException("expected one 'accept <v2|v3> <scheme>...' per version, got '"
                        + String.join(" ", fields) + "'");
            }
            return;
        }
        ApiVersion version = fields.length == 3 || (fields.length == 4 && fields[3].startsWith(ACCEPT))
                ? version(fields[0]) : null;
        if (version == null) {
            throw new IllegalArgumentException("expected '<v2|v3> <prefix> <resource> [accept=<scheme>,...]', got '"
                    + String.join(" ", fields) + "'");
        }
        List<String> schemes = fields.length == 4
                ? schemes(Arrays.asList(fields[3].substring(ACCEPT.length()).split(",", -1))) : List.of();
        RouteTable.Route route = new RouteTable.Route(version, fields[1], fields[2], schemes);
        if (catalogue.resource(route.resource()).isEmpty()) {
            throw new IllegalArgumentException("unknown resource " + route.resource());
        }
        routes.add(route);
    }

    private static List<String> schemes(List<String> names) {
        for (String name : names) {
            if (!SCHEME_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("scheme names are lower case words: " + name);
            }
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("a scheme is listed twice: " + names);
        }
        return List.copyOf(names);
    }

    private static List<String> tail(String[] fields, int from) {
        return Arrays.asList(fields).subList(from, fields.length);
    }

    private static ApiVersion version(String segment) {
        Optional<ApiVersion> version = ApiVersion.fromSegment(segment);
        return version.orElse(null);
    }
}
