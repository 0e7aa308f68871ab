package dev.storeauth.spring;

import java.util.ArrayList;
import java.util.List;

/** {@code storeauth.filter.*}: where the StoreAuthFilter guards the store API. */
public class FilterProperties {

    /** Whether the StoreAuthFilter is registered. */
    private boolean enabled = true;
    /** The servlet URL patterns the filter guards. */
    private List<String> urlPatterns = new ArrayList<>(List.of("/stores/*"));
    /** The path before /stores/... in the guarded requests, e.g. /api; empty for none. */
    private String apiPrefix = "";
    /** The filter's order among the servlet filters. */
    private int order = 0;

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public List<String> getUrlPatterns() { return urlPatterns; }
    public void setUrlPatterns(List<String> urlPatterns) { this.urlPatterns = urlPatterns; }
    public String getApiPrefix() { return apiPrefix; }
    public void setApiPrefix(String apiPrefix) { this.apiPrefix = apiPrefix; }
    public int getOrder() { return order; }
    public void setOrder(int order) { this.order = order; }
}
