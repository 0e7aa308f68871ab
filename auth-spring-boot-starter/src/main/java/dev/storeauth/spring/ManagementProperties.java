package dev.storeauth.spring;

/**
 * {@code storeauth.management.*}: the JSON account-management endpoints, registered when the
 * application has a StoreOwnership bean.
 */
public class ManagementProperties {

    /** Whether the account-management endpoints are registered (given a StoreOwnership bean). */
    private boolean enabled = true;
    /** The management servlet's URL pattern, ending in /*; the path after it is /{storeHash}/... */
    private String path = "/manage/stores/*";
    /**
     * The HTTP session attribute holding the token that state-changing requests must echo in
     * X-CSRF-Token (unless the application has a CsrfTokens bean).
     */
    private String csrfSessionAttribute = "storeauth.csrf";
    /** The most OAuth accounts a store may have. */
    private int oauthAccountLimit = 50;

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
    public String getCsrfSessionAttribute() { return csrfSessionAttribute; }
    public void setCsrfSessionAttribute(String csrfSessionAttribute) { this.csrfSessionAttribute = csrfSessionAttribute; }
    public int getOauthAccountLimit() { return oauthAccountLimit; }
    public void setOauthAccountLimit(int oauthAccountLimit) { this.oauthAccountLimit = oauthAccountLimit; }
}
