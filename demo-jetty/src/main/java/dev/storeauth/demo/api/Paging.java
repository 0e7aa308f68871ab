package dev.storeauth.demo.api;

import java.util.Optional;

/**
 * Which page of a collection to list.
 *
 * @param page 1-based
 * @param limit records per page, 1 to {@value #MAX_LIMIT}
 */
record Paging(long page, int limit) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 250;

    Paging {
        if (page < 1 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("page must be ≥ 1 and limit 1-" + MAX_LIMIT);
        }
    }

    /** From the {@code page} and {@code limit} query parameters (either may be absent); empty if malformed. */
    static Optional<Paging> of(String page, String limit) {
        Optional<Long> p = page == null ? Optional.of(1L) : number(page);
        Optional<Long> l = limit == null ? Optional.of((long) DEFAULT_LIMIT) : number(limit);
        if (p.isEmpty() || l.isEmpty() || p.get() < 1 || l.get() < 1 || l.get() > MAX_LIMIT) {
            return Optional.empty();
        }
        return Optional.of(new Paging(p.get(), l.get().intValue()));
    }

    long offset() {
        return (page - 1) * limit;
    }

    private static Optional<Long> number(String value) {
        return value.matches("[0-9]{1,12}") ? Optional.of(Long.parseLong(value)) : Optional.empty();
    }
}
