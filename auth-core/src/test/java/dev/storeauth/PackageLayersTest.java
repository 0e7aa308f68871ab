package dev.storeauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of auth-core form layers, and code only uses its own layer and those below, so that
 * e.g. the account repository can be understood, tested and replaced without the cache or the
 * authenticator. Read from the sources: imports and fully qualified names, comments left out.
 */
class PackageLayersTest {

    /** Bottom-up; the empty name is {@code dev.storeauth} itself, the assembly, on top of everything. */
    static final List<String> LAYERS = List.of("net.internal", "credentials", "credentials.internal", "policy", "policy.internal",
            "accounts", "audit", "observe", "repository", "repository.jdbc", "cache", "cache.internal", "throttle", "grant", "auth",
            "lifecycle", "clientgrant", "leak", "");

    private static final Path SOURCES = Path.of("src/main/java/dev/storeauth");
    private static final Pattern REFERENCE =
            Pattern.compile("\\bdev\\.storeauth\\.([a-z][a-z0-9]*(?:\\.[a-z][a-z0-9]*)*)\\.(?:[A-Z]|\\*)");
    private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");

    @Test
    void noPackageUsesALayerAboveIt() {
        List<String> upward = new ArrayList<>();
        for (Path file : sources()) {
            String from = packageOf(file);
            for (String to : referencedPackages(file)) {
                if (!to.equals(from) && layer(to) > layer(from)) {
                    upward.add(from + " -> " + to + " (" + SOURCES.relativize(file) + ")");
                }
            }
        }
        assertEquals(List.of(), upward);
    }

    @Test
    void everyPackageHasALayer() {
        Set<String> packages = new TreeSet<>();
        sources().forEach(file -> packages.add(packageOf(file)));

        assertEquals(new TreeSet<>(LAYERS), packages, "add a new package to LAYERS where it belongs");
    }

    @Test
    void findsAnUpwardReferenceWhereThereIsOne() {
        String code = "package dev.storeauth.repository.jdbc;\nimport dev.storeauth.cache.internal.AccountCache;\n"
                + "import dev.storeauth.throttle.*;\n"
                + "/** {@link dev.storeauth.auth.Authenticator} */ class X { dev.storeauth.lifecycle.Outcome<?> o; }";

        assertEquals(Set.of("cache.internal", "throttle", "lifecycle"), references(code));
        assertTrue(layer("cache.internal") > layer("repository.jdbc"));
    }

    private static List<Path> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<Path> java = files.filter(f -> f.toString().endsWith(".java")).toList();
            assertTrue(java.size() > 50, "found the sources under " + SOURCES.toAbsolutePath());
            return java;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String packageOf(Path file) {
        return SOURCES.relativize(file.getParent()).toString().replace(file.getFileSystem().getSeparator(), ".");
    }

    private static Set<String> referencedPackages(Path file) {
        try {
            return references(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sub-packages of {@code dev.storeauth} that {@code code} names a type of, outside comments. */
    static Set<String> references(String code) {
        Set<String> packages = new TreeSet<>();
        Matcher m = REFERENCE.matcher(COMMENT.matcher(code).replaceAll(" "));
        while (m.find()) {
            packages.add(m.group(1));
        }
        return packages;
    }

    private static int layer(String pkg) {
        int layer = LAYERS.indexOf(pkg);
        assertTrue(layer >= 0, "package dev.storeauth." + pkg + " has no layer");
        return layer;
    }
}
