package dev.storeauth.servlet.manage;

import dev.storeauth.lifecycle.AccountLifecycle;
import dev.storeauth.lifecycle.Outcome;
import java.util.HashMap;
import java.util.Map;

/**
 * The query of {@code GET audit-events}: {@code limit} (default {@value #DEFAULT_LIMIT}) and
 * {@code before}, the id the page continues below (default: the newest). Other parameters are
 * ignored; these two must be plain decimal digits, each given at most once.
 *
 * @param limit how many events at most
 * @param before list events with ids below this
 */
record AuditQuery(int limit, long before) {

    static final int DEFAULT_LIMIT = 50;

    /** Reads {@code queryString} (raw, may be {@code null}); ranges are the lifecycle's to check. */
    static Outcome<AuditQuery> parse(String queryString) {
        Map<String, String> given = new HashMap<>();
        for (String pair : queryString == null ? new String[0] : queryString.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if ((name.equals("limit") || name.equals("before"))
                    && given.put(name, eq < 0 ? "" : pair.substring(eq + 1)) != null) {
                return Outcome.invalid(name, name + " must be given at most once");
            }
        }
        String limit = given.getOrDefault("limit", Integer.toString(DEFAULT_LIMIT));
        String before = given.getOrDefault("before", Long.toString(Long.MAX_VALUE));
        if (!digits(limit, 3)) {
            return Outcome.invalid("limit", "limit must be a whole number from 1 to " + AccountLifecycle.MAX_AUDIT_PAGE);
        }
        if (!digits(before, 19)) {
            return Outcome.invalid("before", "before must be an event id, the next_before of the previous page");
        }
        return Outcome.done(new AuditQuery(Integer.parseInt(limit), Long.parseLong(before)));
    }

    /** Whether {@code text} is 1 to {@code max} ASCII digits that a {@code long} holds. */
    private static boolean digits(String text, int max) {
        if (text.isEmpty() || text.length() > max || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return text.length() < 19 || text.compareTo(Long.toString(Long.MAX_VALUE)) <= 0;
    }
}
