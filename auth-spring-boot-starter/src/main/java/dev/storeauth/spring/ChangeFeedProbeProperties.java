package dev.storeauth.spring;

import java.time.Duration;

/**
 * {@code storeauth.change-feed-probe.*}: with the JDBC repository on PostgreSQL, how a silent
 * change-feed connection is checked. A feed that dies without a word is noticed, reconnected and the
 * cache cleared within {@code every + timeout}.
 */
public class ChangeFeedProbeProperties {

    /** How long the change feed's LISTEN connection may stay silent before a SELECT 1 checks it. */
    private Duration every = Duration.ofSeconds(5);
    /** How long that check may take; shorter than every. */
    private Duration timeout = Duration.ofSeconds(2);

    public Duration getEvery() { return every; }
    public void setEvery(Duration every) { this.every = every; }
    public Duration getTimeout() { return timeout; }
    public void setTimeout(Duration timeout) { this.timeout = timeout; }
}
