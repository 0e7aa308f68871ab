package dev.storeauth.demo.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The control-panel users whose generated password was never shown ({@code demo_unshown_passwords}):
 * written with the users, so a first start that fails after saving them leaves a note for the next
 * start to make and show new ones. Holds e-mail addresses only, never a password.
 */
final class UnshownPasswords {

    private UnshownPasswords() {
    }

    static void createTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS demo_unshown_passwords (email VARCHAR(254) PRIMARY KEY)");
        }
    }

    static List<String> list(Connection c) throws SQLException {
        List<String> emails = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT email FROM demo_unshown_passwords ORDER BY email")) {
            while (rs.next()) {
                emails.add(rs.getString(1));
            }
        }
        return emails;
    }

    static void add(Connection c, String email) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO demo_unshown_passwords (email) VALUES (?)")) {
            s.setString(1, email);
            s.executeUpdate();
        }
    }

    static void remove(Connection c, Collection<String> emails) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM demo_unshown_passwords WHERE email = ?")) {
            for (String email : emails) {
                s.setString(1, email);
                s.executeUpdate();
            }
        }
    }
}
