package dev.storeauth.lifecycle;

/**
 * What revoking a leaked credential did ({@link AccountLifecycle#revokeLeakedSecret}); its
 * {@link #wireName()} is the {@code revoked} detail of the {@code credential.leaked} audit entry.
 */
public enum Revocation {
    /**
     * The OAuth account's access token was rolled with no overlap: the leaked token, any previous token
     * and everything bound to them fail at once. The new token is not shown to anyone; the owner rolls
     * again to get one. The client ID and secret stay.
     */
    ACCESS_TOKEN_ROLLED("access_token_rolled"),
    /** A previous token, still in its roll's overlap, was ended; the account's current token stays. */
    OLD_TOKEN_ENDED("old_token_ended"),
    /**
     * The legacy account's token was regenerated with no overlap; the new token is not shown to anyone,
     * the owner generates one from the control panel.
     */
    LEGACY_TOKEN_REGENERATED("legacy_token_regenerated"),
    /**
     * The OAuth account was deleted: its client secret leaked, and a client secret cannot be replaced
     * while the account lives.
     */
    ACCOUNT_DELETED("account_deleted"),
    /**
     * The short-lived token was deleted: it fails at once; the account, its access token and its other
     * short-lived tokens stay.
     */
    SHORT_LIVED_TOKEN_DELETED("short_lived_token_deleted");

    private final String wireName;

    Revocation(String wireName) {
        this.wireName = wireName;
    }

    /** The name in audit details, e.g. {@code access_token_rolled}. */
    public String wireName() {
        return wireName;
    }
}
