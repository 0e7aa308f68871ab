package dev.storeauth.audit;

import java.util.Objects;

/**
 * An {@link AuditEntry} as stored, with the id the repository gave it: ids grow with time, so a
 * page of events newest first continues below the last id it showed.
 *
 * @param id positive, unique in the repository
 * @param entry what was recorded
 */
public record AuditEvent(long id, AuditEntry entry) {

    public AuditEvent {
        if (id < 1) {
            throw new IllegalArgumentException("an audit event id is positive, got " + id);
        }
        Objects.requireNonNull(entry, "entry");
    }
}
