package dev.storeauth.micrometer;

import dev.storeauth.observe.StoreAuthObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts what storeauth tells its observer in a {@link MeterRegistry}, under the meter names the
 * {@linkplain dev.storeauth.micrometer package} lists. A hit costs two counter increments, each
 * looked up once per scheme and kept; nothing here throws into a request.
 *
 * <pre>{@code
 * MeterRegistry registry = new SimpleMeterRegistry();
 * StoreAuth storeAuth = StoreAuth.builder().jdbc(dataSource).observer(new MicrometerObserver(registry)).build();
 * }</pre>
 *
 * Thread-safe.
 */
public final class MicrometerObserver implements StoreAuthObserver {

    static final String AUTHENTICATIONS = "storeauth.authentications";
    private static final String SUCCESS = "success";

    private final MeterRegistry registry;
    private final Map<String, Counter> successes = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Counter>> denials = new ConcurrentHashMap<>();
    private final Counter hits;
    private final Counter negativeHits;
    private final Counter misses;
    private final Timer loads;
    private final Timer failedLoads;
    private final Counter storeErrors;
    private final Counter throttled;
    private final Counter overQuota;
    private final Timer lag;
    private final Counter reconnects;

    /** Registers the meters that have no variable tags in {@code registry} at once; the rest on first use. */
    public MicrometerObserver(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.hits = cacheRequests("hit");
        this.negativeHits = cacheRequests("negative_hit");
        this.misses = cacheRequests("miss");
        this.loads = cacheLoad(SUCCESS);
        this.failedLoads = cacheLoad("failure");
        this.storeErrors = Counter.builder("storeauth.store.errors")
                .description("Account repository look-ups that failed or were given up on").register(registry);
        this.throttled = refusals("throttle");
        this.overQuota = refusals("quota");
        this.lag = Timer.builder("storeauth.changefeed.lag")
                .description("From an account change's commit to its delivery to this node").register(registry);
        this.reconnects = Counter.builder("storeauth.changefeed.reconnects")
                .description("Times the change feed got its database back after losing it").register(registry);
    }

    @Override
    public void authenticated(String scheme) {
        Counter counter = successes.get(scheme);
        (counter != null ? counter : successes.computeIfAbsent(scheme, s -> authentications(s, SUCCESS))).increment();
    }

    @Override
    public void denied(String scheme, String problem) {
        denials.computeIfAbsent(scheme, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(problem, p -> authentications(scheme, p)).increment();
    }

    @Override
    public void limiterRefused(Limit limit) {
        (limit == Limit.STORE_QUOTA ? overQuota : throttled).increment();
    }

    @Override
    public void cacheHit() {
        hits.increment();
    }

    @Override
    public void cacheNegativeHit() {
        negativeHits.increment();
    }

    @Override
    public void cacheMiss() {
        misses.increment();
    }

    @Override
    public void cacheLoaded(Duration took, boolean failed) {
        (failed ? failedLoads : loads).record(took);
    }

    @Override
    public void storeError() {
        storeErrors.increment();
    }

    @Override
    public void changeFeedLag(Duration lag) {
        this.lag.record(lag);
    }

    @Override
    public void changeFeedReconnected() {
        reconnects.increment();
    }

    private Counter authentications(String scheme, String outcome) {
        return Counter.builder(AUTHENTICATIONS).tag("scheme", scheme).tag("outcome", outcome)
                .description("Requests the authenticator decided, by credential scheme and outcome").register(registry);
    }

    private Counter cacheRequests(String result) {
        return Counter.builder("storeauth.cache.requests").tag("result", result)
                .description("Account cache look-ups by result").register(registry);
    }

    private Timer cacheLoad(String result) {
        return Timer.builder("storeauth.cache.load").tag("result", result)
                .description("Account repository look-ups the cache made").register(registry);
    }

    private Counter refusals(String kind) {
        return Counter.builder("storeauth.limiter.refusals").tag("kind", kind)
                .description("429s of the failure throttle and the store quota").register(registry);
    }
}
