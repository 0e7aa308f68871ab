package dev.storeauth.credentials.internal;

/**
 * The kinds of generated credential, each with a prefix that lets secret scanners recognise a
 * leaked value and tell what it is.
 */
public enum SecretKind {
    /** An OAuth access token, sent as {@code X-Auth-Token} or {@code Authorization: Bearer}. */
    ACCESS_TOKEN("sat_"),
    /** An OAuth client secret. */
    CLIENT_SECRET("scs_"),
    /** A legacy API token, the password half of HTTP Basic. */
    LEGACY_TOKEN("slt_"),
    /** An OAuth client ID: not a secret, but formatted alike so it is easy to tell apart. */
    CLIENT_ID("sci_"),
    /** A short-lived access token issued by the client-credentials grant, sent like an access token. */
    SHORT_LIVED_TOKEN("sst_");

    private final String prefix;

    SecretKind(String prefix) {
        this.prefix = prefix;
    }

    /** The fixed prefix every value of this kind starts with. */
    public String prefix() {
        return prefix;
    }
}
