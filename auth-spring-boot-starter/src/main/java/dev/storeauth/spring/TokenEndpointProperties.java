package dev.storeauth.spring;

import java.time.Duration;

/** {@code storeauth.token-endpoint.*}: the OAuth 2.0 client-credentials token endpoint. */
public class TokenEndpointProperties {

    /** Whether short-lived access tokens are issued and the token endpoint is registered. */
    private boolean enabled = true;
    /** The token endpoint's servlet path; outside the filter's URL patterns. */
    private String path = "/oauth2/token";
    /** How long an issued token lives: whole seconds from 1 minute to 24 hours. */
    private Duration tokenLifetime = Duration.ofHours(1);

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
    public Duration getTokenLifetime() { return tokenLifetime; }
    public void setTokenLifetime(Duration tokenLifetime) { this.tokenLifetime = tokenLifetime; }
}
