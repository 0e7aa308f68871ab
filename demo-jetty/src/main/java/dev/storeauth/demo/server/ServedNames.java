package dev.storeauth.demo.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The host names the demo answers for: the public host, the loopback names ({@code localhost},
 * {@code 127.0.0.1}, {@code ::1}) and the bind address unless it is a wildcard. Compared without
 * case, IPv6 brackets or a trailing dot. Immutable.
 *
 * @param names lower case, without brackets, in the order they are described
 */
record ServedNames(List<String> names) {

    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "::1");
    private static final List<String> WILDCARDS = List.of("0.0.0.0", "::", "0:0:0:0:0:0:0:0");

    /** @throws IllegalArgumentException if {@code names} is empty */
    ServedNames {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a server answers for at least one name");
        }
    }

    static ServedNames of(String publicHost, String bindAddress) {
        List<String> names = new ArrayList<>();
        names.add(normalized(publicHost));
        LOOPBACK.forEach(names::add);
        if (!WILDCARDS.contains(normalized(bindAddress))) {
            names.add(normalized(bindAddress));
        }
        return new ServedNames(names.stream().distinct().toList());
    }

    /** Whether {@code host} (as in a {@code Host} header, without the port) is one of these names. */
    boolean contains(String host) {
        return host != null && names.contains(normalized(host));
    }

    /** For a message: {@code shop.test, localhost, 127.0.0.1 or ::1}. */
    String describe() {
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static String normalized(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
