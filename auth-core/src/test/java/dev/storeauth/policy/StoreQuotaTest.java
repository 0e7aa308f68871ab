package dev.storeauth.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Store quotas: {@code N/PERIOD} text, and which store gets which quota. */
class StoreQuotaTest {

    static Stream<Arguments> validQuotas() {
        return Stream.of(
                Arguments.of("450/30s", 450, Duration.ofSeconds(30)),
                Arguments.of("150/30s", 150, Duration.ofSeconds(30)),
                Arguments.of("1/1ms", 1, Duration.ofMillis(1)),
                Arguments.of("10/5m", 10, Duration.ofMinutes(5)),
                Arguments.of("2/1h", 2, Duration.ofHours(1)),
                Arguments.of(" 450/30s ", 450, Duration.ofSeconds(30)),
                Arguments.of("999999999/999999h", 999_999_999, Duration.ofHours(999_999)));
    }

    @ParameterizedTest(name = "\"{0}\" is {1} per {2}")
    @MethodSource("validQuotas")
    void readsRequestsPerPeriod(String text, long requests, Duration window) {
        StoreQuota.Quota quota = StoreQuota.Quota.parse(text);

        assertEquals(new StoreQuota.Quota(requests, window), quota);
        assertEquals(window.toMillis(), quota.windowMillis());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " ", "0/30s", "450", "450/0s", "-1/30s", "450/30", "450/30d", "abc", "450/s",
            "/30s", "450//30s", "450/30S", "450 / 30s", "4.5/30s", "1000000000/30s", "450/1000000h", "450/-30s",
            "450/30s/5", "\uff14\uff15\uff10/30s"})
    void refusesAnythingElseNamingTheForm(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StoreQuota.Quota.parse(text));

        assertTrue(e.getMessage().contains("450/30s") && e.getMessage().contains("ms, s, m or h"), e.getMessage());
    }

    @Test
    void refusesNullText() {
        assertThrows(NullPointerException.class, () -> StoreQuota.Quota.parse(null));
    }

    @Test
    void aQuotaNeedsPositiveRequestsAndAtLeastAMillisecond() {
        assertThrows(IllegalArgumentException.class, () -> new StoreQuota.Quota(0, Duration.ofSeconds(30)));
        assertThrows(IllegalArgumentException.class, () -> new StoreQuota.Quota(-1, Duration.ofSeconds(30)));
        assertThrows(IllegalArgumentException.class, () -> new StoreQuota.Quota(1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new StoreQuota.Quota(1, Duration.ofNanos(999_999)));
        assertThrows(IllegalArgumentException.class, () -> new StoreQuota.Quota(1, Duration.ofSeconds(-1)));
        assertThrows(NullPointerException.class, () -> new StoreQuota.Quota(1, null));
    }

    @Test
    void aQuotaAllowsAtMostOneRequestPerNanosecondOfItsWindow() {
        assertEquals(1_000_000, StoreQuota.Quota.parse("1000000/1ms").requests());

        for (String text : new String[] {"1000001/1ms", "999999999/1ms", "999999999/999ms"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StoreQuota.Quota.parse(text));
            assertTrue(e.getMessage().contains("one request per nanosecond"), e.getMessage());
        }
        assertEquals(999_999_999, StoreQuota.Quota.parse("999999999/1s").requests());
    }

    @Test
    void aQuotaPrintsItsRequestsAndMilliseconds() {
        assertEquals("450/30000ms", StoreQuota.Quota.parse("450/30s").toString());
    }

    @Test
    void offGivesNoStoreAQuota() {
        StoreQuota off = StoreQuota.off();

        assertEquals(Optional.empty(), off.quotaFor("abc"));
        assertEquals(Optional.empty(), off.quotaFor(""));
    }

    @Test
    void everyStoreGetsTheSameQuotaAsOneStoredOptional() {
        StoreQuota.Quota quota = StoreQuota.Quota.parse("150/30s");
        StoreQuota every = StoreQuota.everyStore(quota);

        assertEquals(Optional.of(quota), every.quotaFor("abc"));
        assertEquals(Optional.of(quota), every.quotaFor("xyz"));
        assertSame(every.quotaFor("abc"), every.quotaFor("xyz"), "no new Optional per request");
    }

    @Test
    void perStoreGivesNamedStoresTheirTierAndOthersTheDefault() {
        StoreQuota.Quota plus = StoreQuota.Quota.parse("450/30s");
        StoreQuota.Quota standard = StoreQuota.Quota.parse("150/30s");
        StoreQuota tiers = StoreQuota.perStore(Map.of("bigshop", plus, "midshop", StoreQuota.Quota.parse("300/30s")),
                StoreQuota.everyStore(standard));

        assertEquals(Optional.of(plus), tiers.quotaFor("bigshop"));
        assertEquals(Optional.of(StoreQuota.Quota.parse("300/30s")), tiers.quotaFor("midshop"));
        assertEquals(Optional.of(standard), tiers.quotaFor("smallshop"));
        assertSame(tiers.quotaFor("bigshop"), tiers.quotaFor("bigshop"), "no new Optional per request");
    }

    @Test
    void perStoreOverOffLimitsOnlyTheNamedStores() {
        StoreQuota only = StoreQuota.perStore(Map.of("bigshop", StoreQuota.Quota.parse("450/30s")), StoreQuota.off());

        assertTrue(only.quotaFor("bigshop").isPresent());
        assertEquals(Optional.empty(), only.quotaFor("smallshop"));
    }

    @Test
    void perStoreCopiesItsMapAndRefusesNulls() {
        java.util.HashMap<String, StoreQuota.Quota> stores = new java.util.HashMap<>();
        stores.put("bigshop", StoreQuota.Quota.parse("450/30s"));
        StoreQuota tiers = StoreQuota.perStore(stores, StoreQuota.off());
        stores.put("smallshop", StoreQuota.Quota.parse("1/1s"));

        assertEquals(Optional.empty(), tiers.quotaFor("smallshop"));
        assertThrows(NullPointerException.class, () -> StoreQuota.perStore(Map.of(), null));
        assertThrows(NullPointerException.class, () -> StoreQuota.perStore(null, StoreQuota.off()));
    }
}
