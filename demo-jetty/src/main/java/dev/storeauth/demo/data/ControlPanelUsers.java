package dev.storeauth.demo.data;

import dev.storeauth.repository.RepositoryUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The control panel's users and their passwords (PBKDF2 hashes in {@code demo_users}). Every
 * password check, a known user's or the stand-in hash for an unknown e-mail address, passes the
 * same {@link HashingGate}, so neither the time taken nor a {@link PasswordCheck.Busy} answer
 * tells whether an address has an account. Thread-safe.
 */
public final class ControlPanelUsers {

    private final DataSource dataSource;
    private final PasswordHasher hasher;
    private final HashingGate gate;
    /** Checked for unknown e-mail addresses, so they take as long as wrong passwords. */
    private final String dummyHash;

    /** Checks passwords through {@link HashingGate#forThisMachine()}. */
    public ControlPanelUsers(DataSource dataSource, PasswordHasher hasher) {
        this(dataSource, hasher, HashingGate.forThisMachine());
    }

    public ControlPanelUsers(DataSource dataSource, PasswordHasher hasher, HashingGate gate) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.dummyHash = hasher.hash("not a password of anyone");
    }

    /**
     * The user with this e-mail address (case-insensitive) and password: {@link PasswordCheck.Mismatched}
     * for an unknown user or a wrong password alike, {@link PasswordCheck.Busy} when the gate
     * refused to hash.
     *
     * @throws RepositoryUnavailableException if the database cannot be read
     */
    public PasswordCheck authenticate(String email, String password) {
        Optional<PasswordCheck> checked = gate.run(() -> check(email.trim().toLowerCase(Locale.ROOT), password));
        return checked.orElseGet(PasswordCheck.Busy::new);
    }

    /** The lookup runs under the gate too: a refused attempt costs no database query. */
    private PasswordCheck check(String email, String password) {
        Optional<Row> row = find(email);
        boolean matches = hasher.matches(password, row.map(Row::passwordHash).orElse(dummyHash));
        return row.filter(r -> matches).<PasswordCheck>map(r -> new PasswordCheck.Matched(r.user()))
                .orElseGet(PasswordCheck.Mismatched::new);
    }

    /**
     * The user with this exact (normalised) e-mail address, without a password check: for a
     * session that was already signed in.
     */
    public Optional<PanelUser> user(String email) {
        return find(email).map(Row::user);
    }

    /** Whether {@code email} is the owner of {@code storeHash}. */
    public boolean isOwner(String storeHash, String email) {
        return user(email).filter(u -> u.role() == Role.OWNER && u.storeHash().equals(storeHash)).isPresent();
    }

    /**
     * Replaces the password of the user with this exact (normalised) e-mail address.
     *
     * @return whether there is such a user
     * @throws RepositoryUnavailableException if the database cannot be written
     */
    public boolean setPassword(String email, String newPassword) {
        String hash = hasher.hash(newPassword);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE demo_users SET password_hash = ? WHERE email = ?")) {
            s.setString(1, hash);
            s.setString(2, email);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new RepositoryUnavailableException("setting a control-panel password failed: " + e.getMessage(), e);
        }
    }

    private Optional<Row> find(String email) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT store_hash, role, password_hash FROM demo_users WHERE email = ?")) {
            s.setString(1, email);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Row(new PanelUser(email, rs.getString(1),
                        Role.valueOf(rs.getString(2))), rs.getString(3))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new RepositoryUnavailableException("reading control-panel users failed: " + e.getMessage(), e);
        }
    }

    private record Row(PanelUser user, String passwordHash) {

        @Override
        public String toString() {
            return "Row[user=" + user + ", passwordHash=***]";
        }
    }
}
