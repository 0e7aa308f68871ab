/**
 * storeauth's meters in Micrometer: {@link dev.storeauth.micrometer.MicrometerObserver}, a
 * {@code StoreAuthObserver} for {@code StoreAuth.Builder.observer(...)}.
 */
module dev.storeauth.micrometer {
    requires transitive dev.storeauth.core;
    requires transitive micrometer.core;

    exports dev.storeauth.micrometer;
}
