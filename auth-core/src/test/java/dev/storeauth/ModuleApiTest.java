package dev.storeauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module exports a small API and nothing else: read from the compiled {@code module-info.class}
 * and the classes of the exported packages.
 */
class ModuleApiTest {

    private static final Path CLASSES = Path.of("target/classes");
    // 30 for authentication, routes and the lifecycle; the rate limits add LimitStore and StoreQuota;
    // rotation, expiry and allowlists add AllowedAddresses, PreviousToken, CredentialPolicy, Usage, Actor and
    // NewOAuthAccount; the audit trail AuditAction, AuditEntry and AuditEvent; the Basic deprecation
    // LegacyDeprecation; report-only rules ReportOnlyRoutes; short-lived tokens ShortLivedTokens and
    // IssuedToken; the client-credentials grant ClientCredentialsGrant, ClientCredentialsRequest,
    // GrantOutcome and GrantError; leaked-token reports LeakReports, LeakedToken, LeakVerdict and the
    // lifecycle's Revocation; stored short-lived tokens ShortLivedAccount; RateLimitAnswers for its
    // Retry-After rounding; metrics and health StoreAuthObserver and Health.
    private static final int MOST_PUBLIC_TYPES = 57;

    private final ModuleDescriptor module = ModuleFinder.of(CLASSES).findAll().iterator().next().descriptor();

    private Set<String> exported() {
        return module.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void exportsOnlyTheApiPackages() {
        assertEquals("dev.storeauth.core", module.name());
        assertEquals(new TreeSet<>(List.of("dev.storeauth", "dev.storeauth.accounts", "dev.storeauth.audit", "dev.storeauth.auth",
                "dev.storeauth.cache", "dev.storeauth.clientgrant", "dev.storeauth.credentials", "dev.storeauth.grant",
                "dev.storeauth.leak", "dev.storeauth.lifecycle", "dev.storeauth.observe", "dev.storeauth.policy",
                "dev.storeauth.repository")), exported());
    }

    @Test
    void exportsNoMorePublicTopLevelTypesThanTheCap() {
        List<Class<?>> types = publicTopLevelTypes();

        assertTrue(types.size() <= MOST_PUBLIC_TYPES, types.size() + " public types: " + types);
    }

    @Test
    void theApiNamesNoTypeOfAPackageItDoesNotExport() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : publicTypesWithMembers()) {
            for (Method method : type.getDeclaredMethods()) {
                if (visible(method.getModifiers()) && !method.isSynthetic()) {
                    check(leaks, method.toGenericString(), method.getGenericReturnType());
                    checkParameters(leaks, method);
                }
            }
            for (var constructor : type.getDeclaredConstructors()) {
                if (visible(constructor.getModifiers())) {
                    checkParameters(leaks, constructor);
                }
            }
            for (Field field : type.getDeclaredFields()) {
                if (visible(field.getModifiers())) {
                    check(leaks, field.toGenericString(), field.getGenericType());
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    private void checkParameters(List<String> leaks, Executable executable) {
        for (Type parameter : executable.getGenericParameterTypes()) {
            check(leaks, executable.toGenericString(), parameter);
        }
    }

    private void check(List<String> leaks, String member, Type type) {
        for (String name : typeNames(type.getTypeName())) {
            int dot = name.lastIndexOf('.');
            String pkg = packageOf(name);
            if (pkg.startsWith("dev.storeauth") && !exported().contains(pkg) && dot > 0) {
                leaks.add(member + " names " + name);
            }
        }
    }

    /** The dev.storeauth class names in a generic type's text, nested classes resolved to their package. */
    private static List<String> typeNames(String text) {
        List<String> names = new ArrayList<>();
        for (String token : text.split("[^\\w.$]+")) {
            if (token.startsWith("dev.storeauth.")) {
                names.add(token);
            }
        }
        return names;
    }

    private static String packageOf(String className) {
        String[] parts = className.split("\\.");
        StringBuilder pkg = new StringBuilder();
        for (String part : parts) {
            if (!part.isEmpty() && Character.isUpperCase(part.charAt(0))) {
                break;
            }
            pkg.append(pkg.length() == 0 ? "" : ".").append(part);
        }
        return pkg.toString();
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private List<Class<?>> publicTopLevelTypes() {
        return classes().stream().filter(c -> !c.isMemberClass() && Modifier.isPublic(c.getModifiers())).toList();
    }

    private List<Class<?>> publicTypesWithMembers() {
        return classes().stream().filter(c -> Modifier.isPublic(c.getModifiers()) && !c.isAnonymousClass()).toList();
    }

    private List<Class<?>> classes() {
        List<Class<?>> classes = new ArrayList<>();
        for (String pkg : exported()) {
            Path dir = CLASSES.resolve(pkg.replace('.', '/'));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = file.getFileName().toString().replace(".class", "");
                    if (!name.equals("package-info")) {
                        classes.add(load(pkg + "." + name));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return classes;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ModuleApiTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name, e);
        }
    }
}
