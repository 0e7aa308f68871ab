package dev.storeauth.servlet.manage;

import dev.storeauth.audit.AuditEntry;
import dev.storeauth.audit.AuditEvent;
import dev.storeauth.policy.CredentialPolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the store endpoints: the audit trail and the credential policy. */
final class StoreViews {

    private StoreViews() {
    }

    /**
     * A page of events, newest first; {@code next_before} continues below the last one, or is
     * {@code null} when the page was not full (there are no more).
     */
    static Map<String, Object> auditPage(List<AuditEvent> events, int limit) {
        Map<String, Object> meta = new HashMap<>();
        meta.put("next_before", events.size() == limit ? events.get(events.size() - 1).id() : null);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("data", events.stream().map(StoreViews::auditEvent).toList());
        json.put("meta", meta);
        return json;
    }

    static Map<String, Object> auditEvent(AuditEvent event) {
        AuditEntry entry = event.entry();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", event.id());
        json.put("at", entry.at().toString());
        json.put("actor", entry.actor());
        json.put("action", entry.action().wireName());
        json.put("store", entry.storeHash().orElse(null));
        json.put("account_id", entry.accountId().orElse(null));
        json.put("client_address", entry.clientAddress().orElse(null));
        json.put("detail", entry.detail());
        return json;
    }

    static Map<String, Object> policy(CredentialPolicy policy) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("require_expiry", policy.requireExpiry());
        json.put("max_lifetime", policy.maxLifetime().map(Duration::toSeconds).orElse(null));
        return json;
    }
}
