package dev.storeauth.demo.data;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Finds the store this database serves or, on first start, creates it with its owner
 * ({@value #OWNER}) and a staff user ({@value #STAFF}). Passwords come from
 * {@code STOREAUTH_OWNER_PASSWORD} and {@code STOREAUTH_STAFF_PASSWORD}, or are generated.
 *
 * <p>A generated password counts as shown only once {@link #passwordsShown} says so: until then
 * every start makes a new one for that user and returns it (a first start that failed after
 * saving the users would otherwise leave passwords nobody ever saw).
 */
public final class FirstStart {

    public static final String OWNER = "owner@example.com";
    public static final String STAFF = "staff@example.com";

    private static final Object IN_THIS_JVM = new Object();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final DataSource dataSource;
    private final PasswordHasher hasher;
    private final Function<String, Optional<String>> environment;
    private final SecureRandom random = new SecureRandom();

    /** @param environment reads an environment variable, e.g. {@code name -> Optional.ofNullable(System.getenv(name))} */
    public FirstStart(DataSource dataSource, PasswordHasher hasher, Function<String, Optional<String>> environment) {
        this.dataSource = dataSource;
        this.hasher = hasher;
        this.environment = environment;
    }

    /**
     * The store to serve: the one in the database, else a new one ({@code requested}, or generated).
     *
     * @throws IllegalStateException if the database already serves a store other than {@code requested}
     * @throws SQLException if the database refuses
     */
    public SeededStore ensureStore(Optional<String> requested) throws SQLException {
        synchronized (IN_THIS_JVM) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    DemoSchema.lockAgainstOtherNodes(c);
                    UnshownPasswords.createTable(c);
                    Optional<String> existing = existing(c);
                    SeededStore store = existing.isPresent() ? keep(c, existing.get(), requested)
                            : seed(c, requested.orElseGet(this::newStoreHash));
                    c.commit();
                    return store;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            }
        }
    }

    /**
     * Records that the passwords of {@code emails} were shown (printed in the banner), so later
     * starts keep them.
     *
     * @throws SQLException if the database refuses
     */
    public void passwordsShown(Collection<String> emails) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            UnshownPasswords.createTable(c);
            UnshownPasswords.remove(c, emails);
        }
    }

    /**
     * Gives the control-panel user {@code email} (case-insensitive) a new generated password.
     *
     * @return the new password, to show once; empty if there is no such user
     * @throws SQLException if the database refuses
     */
    public Optional<String> resetPassword(String email) throws SQLException {
        String normalised = email.trim().toLowerCase(Locale.ROOT);
        String password = randomString(PASSWORD_ALPHABET, 20);
        if (!new ControlPanelUsers(dataSource, hasher).setPassword(normalised, password)) {
            return Optional.empty();
        }
        passwordsShown(List.of(normalised));
        return Optional.of(password);
    }

    private SeededStore keep(Connection c, String existing, Optional<String> requested) throws SQLException {
        if (requested.isPresent() && !requested.get().equals(existing)) {
            throw new IllegalStateException("the database already serves store " + existing
                    + "; start with --store-hash " + existing + ", or use another --data-dir or --jdbc-url");
        }
        Map<String, String> generated = new LinkedHashMap<>();
        for (String email : UnshownPasswords.list(c)) {
            String password = randomString(PASSWORD_ALPHABET, 20);
            try (PreparedStatement s = c.prepareStatement("UPDATE demo_users SET password_hash = ? WHERE email = ?")) {
                s.setString(1, hasher.hash(password));
                s.setString(2, email);
                if (s.executeUpdate() == 1) {
                    generated.put(email, password);
                }
            }
        }
        return new SeededStore(existing, generated);
    }

    private static Optional<String> existing(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT store_hash FROM demo_stores ORDER BY created_at, store_hash");
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    private SeededStore seed(Connection c, String storeHash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO demo_stores (store_hash, info, created_at) VALUES (?, ?, ?)")) {
            s.setString(1, storeHash);
            s.setString(2, StoreInformation.initial(storeHash, OWNER));
            s.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            s.executeUpdate();
        }
        Map<String, String> generated = new LinkedHashMap<>();
        addUser(c, storeHash, OWNER, Role.OWNER, "STOREAUTH_OWNER_PASSWORD", generated);
        addUser(c, storeHash, STAFF, Role.STAFF, "STOREAUTH_STAFF_PASSWORD", generated);
        return new SeededStore(storeHash, generated);
    }

    private void addUser(Connection c, String storeHash, String email, Role role, String variable,
            Map<String, String> generated) throws SQLException {
        String password = environment.apply(variable).filter(p -> !p.isEmpty()).orElseGet(() -> {
            String made = randomString(PASSWORD_ALPHABET, 20);
            generated.put(email, made);
            return made;
        });
        if (generated.containsKey(email)) {
            UnshownPasswords.add(c, email);
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO demo_users (email, store_hash, role, password_hash) VALUES (?, ?, ?, ?)")) {
            s.setString(1, email);
            s.setString(2, storeHash);
            s.setString(3, role.name());
            s.setString(4, hasher.hash(password));
            s.executeUpdate();
        }
    }

    private String newStoreHash() {
        return randomString(ALPHABET, 10);
    }

    private String randomString(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
