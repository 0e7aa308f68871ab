package dev.storeauth.demo.data;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import javax.sql.DataSource;

/** Each store's "Information &amp; Settings" JSON document. Thread-safe. */
public final class StoreSettings {

    private final SqlRunner sql;

    public StoreSettings(DataSource dataSource) {
        this.sql = new SqlRunner(dataSource);
    }

    /** The store's document; empty for an unknown store. */
    public Optional<String> read(String storeHash) {
        return sql.run("read store information", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT info FROM demo_stores WHERE store_hash = ?")) {
                s.setString(1, storeHash);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Replaces the store's document; whether the store exists. */
    public boolean replace(String storeHash, String info) {
        return sql.run("update store information", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE demo_stores SET info = ? WHERE store_hash = ?")) {
                s.setString(1, info);
                s.setString(2, storeHash);
                return s.executeUpdate() == 1;
            }
        });
    }
}
