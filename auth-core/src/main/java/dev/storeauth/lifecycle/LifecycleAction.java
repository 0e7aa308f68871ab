package dev.storeauth.lifecycle;

/** What a {@link LifecycleEvent} records. */
public enum LifecycleAction {
    /** An OAuth account was created. */
    OAUTH_ACCOUNT_CREATED,
    /** An OAuth account was deleted (alone or in bulk): its tokens are revoked. */
    OAUTH_ACCOUNT_DELETED,
    /** A legacy account was created. */
    LEGACY_ACCOUNT_CREATED,
    /** A legacy account's API token was replaced: the old one is revoked. */
    LEGACY_TOKEN_REGENERATED,
    /** A legacy account was deleted. */
    LEGACY_ACCOUNT_DELETED
}
