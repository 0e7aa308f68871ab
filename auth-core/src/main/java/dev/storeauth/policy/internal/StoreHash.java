package dev.storeauth.policy.internal;

/** The grammar of a store hash: 1 to 32 lower-case letters and digits, e.g. {@code abc123xyz}. */
public final class StoreHash {

    /** The longest store hash accepted. */
    public static final int MAX_LENGTH = 32;

    private StoreHash() {
    }

    /** Whether {@code value} is a well-formed store hash; {@code null} is not. */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns {@code value} if well-formed.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static String require(String value) {
        if (!isValid(value)) {
            throw new IllegalArgumentException("store hash must be 1-32 lower-case letters and digits: " + value);
        }
        return value;
    }
}
