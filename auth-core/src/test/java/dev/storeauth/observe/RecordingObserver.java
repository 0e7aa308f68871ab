package dev.storeauth.observe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Writes down what it is told, one word or two per call, in order; lags and load times apart. */
public final class RecordingObserver implements StoreAuthObserver {

    private final List<String> events = new CopyOnWriteArrayList<>();
    public final List<Duration> lags = new CopyOnWriteArrayList<>();

    /** What it was told so far, and forgets it. */
    public List<String> take() {
        List<String> taken = new ArrayList<>(events);
        events.removeAll(taken);
        return taken;
    }

    @Override
    public void authenticated(String scheme) {
        events.add("authenticated " + scheme);
    }

    @Override
    public void denied(String scheme, String problem) {
        events.add("denied " + scheme + " " + problem);
    }

    @Override
    public void limiterRefused(Limit limit) {
        events.add("refused " + limit);
    }

    @Override
    public void cacheHit() {
        events.add("hit");
    }

    @Override
    public void cacheNegativeHit() {
        events.add("negative hit");
    }

    @Override
    public void cacheMiss() {
        events.add("miss");
    }

    @Override
    public void cacheLoaded(Duration took, boolean failed) {
        events.add(failed ? "load failed" : "loaded");
    }

    @Override
    public void storeError() {
        events.add("store error");
    }

    @Override
    public void changeFeedLag(Duration lag) {
        lags.add(lag);
    }

    @Override
    public void changeFeedReconnected() {
        events.add("reconnected");
    }
}
