package dev.storeauth.spring;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code storeauth.limits.*}: the failure throttle and each store's request quota. */
public class LimitsProperties {

    /**
     * Failed checks per client address (and per legacy username at an address) per failure window
     * before credentials this node has not proven get 429; 0 turns the throttle off.
     */
    private int maxFailures = 20;
    /** The failure throttle's window, refilled smoothly. */
    private Duration failureWindow = Duration.ofMinutes(1);
    /**
     * Every store's request quota, shared by its accounts: N/PERIOD with PERIOD a number and ms, s, m
     * or h (e.g. 450/30s), or off.
     */
    private String storeQuota = "off";
    /** Per-store overrides of store-quota, by store hash: N/PERIOD or off. */
    private Map<String, String> storeQuotas = new LinkedHashMap<>();
    /**
     * Where the throttle and the quota count: local (this node), redis://host:port (every node using
     * that Redis; needs bucket4j's Lettuce module) or postgresql (every node on the application's
     * DataSource).
     */
    private String store = "local";

    public int getMaxFailures() { return maxFailures; }
    public void setMaxFailures(int maxFailures) { this.maxFailures = maxFailures; }
    public Duration getFailureWindow() { return failureWindow; }
    public void setFailureWindow(Duration failureWindow) { this.failureWindow = failureWindow; }
    public String getStoreQuota() { return storeQuota; }
    public void setStoreQuota(String storeQuota) { this.storeQuota = storeQuota; }
    public Map<String, String> getStoreQuotas() { return storeQuotas; }
    public void setStoreQuotas(Map<String, String> storeQuotas) { this.storeQuotas = storeQuotas; }
    public String getStore() { return store; }
    public void setStore(String store) { this.store = store; }
}
