package dev.storeauth.spring;

import dev.storeauth.StoreAuth;
import java.util.Objects;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * {@link StoreAuth#health()} as an Actuator health component: UP or DOWN, with the details
 * {@code store} ({@code up}, {@code down}, {@code timed_out}) and {@code changeFeed}
 * ({@code connected}, {@code disconnected}, {@code not_tracked}). A probe waits at most the lookup
 * timeout and never throws.
 *
 * <pre>{@code
 * GET /actuator/health/storeauth  ->  {"status":"UP","details":{"store":"up","changeFeed":"connected"}}
 * }</pre>
 */
public final class StoreAuthHealthIndicator extends AbstractHealthIndicator {

    private final StoreAuth storeAuth;

    public StoreAuthHealthIndicator(StoreAuth storeAuth) {
        super("storeauth health check failed");
        this.storeAuth = Objects.requireNonNull(storeAuth, "storeAuth");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        dev.storeauth.Health health = storeAuth.health();
        (health.status() == dev.storeauth.Health.Status.UP ? builder.up() : builder.down())
                .withDetails(health.details());
    }
}
