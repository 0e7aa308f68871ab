package dev.storeauth.repository.jdbc;

import dev.storeauth.audit.AuditAction;
import dev.storeauth.audit.AuditEntry;
import dev.storeauth.audit.AuditEvent;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The {@code storeauth_audit_events} table: writing an {@link AuditEntry} inside the transaction of
 * the change it records, reading pages of events, pruning. The detail map is stored as
 * {@code application/x-www-form-urlencoded} UTF-8 text, names sorted, at most 32,000 characters (a
 * longer detail is a data exception, refused as the caller's value), e.g.
 * {@code expires_at=2026-12-02T10%3A00%3A00Z&name=Stock+sync}.
 */
final class AuditRows {

    private static final String COLUMNS = "at_us, actor, action, store_hash, account_id, client_address, detail";

    private AuditRows() {
    }

    /** Writes {@code entry}; the caller's transaction commits it with the change it records. */
    static void insert(Connection c, AuditEntry entry) throws SQLException {
        Sql.update(c, "INSERT INTO storeauth_audit_events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                AccountRows.micros(entry.at()), entry.actor(), entry.action().wireName(), entry.storeHash().orElse(null),
                entry.accountId().orElse(null), entry.clientAddress().orElse(null), encodeDetail(entry.detail()));
    }

    /** The store's events with ids below {@code beforeId}, newest first, at most {@code limit}. */
    static List<AuditEvent> page(Connection c, String storeHash, int limit, long beforeId) throws SQLException {
        return Sql.list(c, "SELECT id, " + COLUMNS + " FROM storeauth_audit_events"
                + " WHERE store_hash = ? AND id < ? ORDER BY id DESC LIMIT ?", AuditRows::event, storeHash, beforeId,
                limit);
    }

    /** Deletes the events recorded before {@code cutoff}. */
    static int prune(Connection c, Instant cutoff) throws SQLException {
        return Sql.update(c, "DELETE FROM storeauth_audit_events WHERE at_us < ?", AccountRows.micros(cutoff));
    }

    private static AuditEvent event(ResultSet rs) throws SQLException {
        AuditAction action;
        try {
            action = AuditAction.ofWireName(rs.getString(4));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("unknown action in a stored audit event", e);
        }
        return new AuditEvent(rs.getLong(1), new AuditEntry(AccountRows.fromMicros(rs.getLong(2)), rs.getString(3),
                action, Optional.ofNullable(rs.getString(5)), Optional.ofNullable(rs.getString(6)),
                Optional.ofNullable(rs.getString(7)), decodeDetail(rs.getString(8))));
    }

    /** {@code name=value&...} in name order, both URL-encoded; empty for no detail. */
    static String encodeDetail(Map<String, String> detail) {
        StringJoiner out = new StringJoiner("&");
        new TreeMap<>(detail).forEach((name, value) -> out.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return out.toString();
    }

    static Map<String, String> decodeDetail(String text) {
        Map<String, String> detail = new TreeMap<>();
        if (text == null || text.isEmpty()) {
            return detail;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalStateException("malformed detail in a stored audit event");
            }
            detail.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return detail;
    }
}
