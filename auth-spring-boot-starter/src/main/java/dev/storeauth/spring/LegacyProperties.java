package dev.storeauth.spring;

/** {@code storeauth.legacy.*}: the deprecation of legacy HTTP Basic accounts. */
public class LegacyProperties {

    /**
     * When Basic was or will be deprecated, YYYY-MM-DD (the start of that day in UTC): answers to
     * proven Basic credentials then carry Deprecation. Empty for no deprecation; the three below need it.
     */
    private String deprecatedSince = "";
    /** When Basic stops being honoured, YYYY-MM-DD, not before deprecated-since: sent as Sunset. */
    private String sunset = "";
    /** Absolute http(s) URI of the deprecation's documentation, sent as Link. */
    private String link = "";
    /** Whether a proven Basic credential is refused (basic_auth_retired) from the sunset on. */
    private boolean refuseAfterSunset = false;

    public String getDeprecatedSince() { return deprecatedSince; }
    public void setDeprecatedSince(String deprecatedSince) { this.deprecatedSince = deprecatedSince; }
    public String getSunset() { return sunset; }
    public void setSunset(String sunset) { this.sunset = sunset; }
    public String getLink() { return link; }
    public void setLink(String link) { this.link = link; }
    public boolean isRefuseAfterSunset() { return refuseAfterSunset; }
    public void setRefuseAfterSunset(boolean refuseAfterSunset) { this.refuseAfterSunset = refuseAfterSunset; }
}
