package dev.storeauth.spring;

import java.time.Duration;

/** {@code storeauth.cache.*}: the account cache in front of the repository. */
public class CacheProperties {

    /** How many accounts the cache holds. */
    private long maximumSize = 100_000;
    /** How long a found account is trusted without asking the repository again. */
    private Duration ttl = Duration.ofMinutes(5);
    /** How long "not found" is kept. */
    private Duration negativeTtl = Duration.ofSeconds(30);
    /** The longest wait for the repository before a request is answered 503. */
    private Duration lookupTimeout = Duration.ofSeconds(2);

    public long getMaximumSize() { return maximumSize; }
    public void setMaximumSize(long maximumSize) { this.maximumSize = maximumSize; }
    public Duration getTtl() { return ttl; }
    public void setTtl(Duration ttl) { this.ttl = ttl; }
    public Duration getNegativeTtl() { return negativeTtl; }
    public void setNegativeTtl(Duration negativeTtl) { this.negativeTtl = negativeTtl; }
    public Duration getLookupTimeout() { return lookupTimeout; }
    public void setLookupTimeout(Duration lookupTimeout) { this.lookupTimeout = lookupTimeout; }
}
