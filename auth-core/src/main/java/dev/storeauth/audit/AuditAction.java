package dev.storeauth.audit;

/** What an {@link AuditEntry} records; {@link #wireName()} is its name in the audit API and the database. */
public enum AuditAction {
    /** An OAuth account was created. */
    OAUTH_ACCOUNT_CREATED("oauth_account.created"),
    /** An OAuth account's access token was rolled; the old one may live on for an overlap. */
    OAUTH_TOKEN_ROLLED("oauth_account.token_rolled"),
    /** An OAuth account's allowed addresses were replaced. */
    OAUTH_ALLOWED_IPS_CHANGED("oauth_account.allowed_ips_changed"),
    /** An OAuth account reached its expiry time. */
    OAUTH_ACCOUNT_EXPIRED("oauth_account.expired"),
    /** An OAuth account was deleted on its own: its tokens are revoked. */
    OAUTH_ACCOUNT_DELETED("oauth_account.deleted"),
    /** An OAuth account was deleted in a bulk delete: one entry per account deleted. */
    OAUTH_ACCOUNT_BULK_DELETED("oauth_account.bulk_deleted"),
    /** A legacy account was created. */
    LEGACY_ACCOUNT_CREATED("legacy_account.created"),
    /** A legacy account's API token was replaced; the old one may live on for an overlap. */
    LEGACY_TOKEN_REGENERATED("legacy_account.token_regenerated"),
    /** A legacy account was deleted. */
    LEGACY_ACCOUNT_DELETED("legacy_account.deleted"),
    /** The store's credential policy was changed. */
    CREDENTIAL_POLICY_CHANGED("store.credential_policy_changed"),
    /** Someone signed in to the control panel. */
    SIGN_IN_SUCCEEDED("control_panel.sign_in_succeeded"),
    /** A control-panel sign-in was refused. */
    SIGN_IN_FAILED("control_panel.sign_in_failed"),
    /**
     * A credential of the account was reported leaked (e.g. found in a public repository) and revoked at
     * once, by {@link AuditEntry#SYSTEM}; the detail says which credential, where it was found and what was
     * done.
     */
    CREDENTIAL_LEAKED("credential.leaked");

    private final String wireName;

    AuditAction(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the audit API and the database, e.g. {@code oauth_account.created}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The action named {@code wireName}.
     *
     * @throws IllegalArgumentException if no action has that name
     */
    public static AuditAction ofWireName(String wireName) {
        for (AuditAction action : values()) {
            if (action.wireName.equals(wireName)) {
                return action;
            }
        }
        throw new IllegalArgumentException("no audit action " + wireName);
    }
}
