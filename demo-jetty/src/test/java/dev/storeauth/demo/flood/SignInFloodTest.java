package dev.storeauth.demo.flood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A flood of failed sign-ins from 50 addresses over real HTTPS does not starve the store API: its
 * valid calls all succeed with a p99 under a generous 5 s (before the hashing gate it was 14 s on
 * this host; the script measures the real figure), each address hashes at most its limit, and
 * every sign-in is answered 401, 429 or 503. Each address sends a sign-in a second ({@code -Dflood.rate}, 0 for back to back);
 * {@code -Dflood.runs=3 -Dflood.seconds=20} (as
 * {@code benchmarks/signin-flood.sh} does) measures the real figure; the default is one short run.
 */
class SignInFloodTest {

    private static final int ADDRESSES = 50;
    private static final int LIMIT_PER_ADDRESS = 10;

    @Test
    void aSignInFloodFromFiftyAddressesLeavesTheApiResponsive() throws Exception {
        int runs = Integer.getInteger("flood.runs", 1);
        SignInFlood.Settings settings = new SignInFlood.Settings(ADDRESSES, Integer.getInteger("flood.rate", 1), 50,
                Duration.ofSeconds(5), Duration.ofSeconds(Integer.getInteger("flood.seconds", 8)),
                !Boolean.getBoolean("flood.withoutPasswords"));

        List<SignInFlood.Result> results = SignInFloodMain.measure(runs, settings);

        for (SignInFlood.Result result : results) {
            assertTrue(result.during().p99Micros() < 5_000_000, "API p99 during the flood: " + result);
            assertEquals(0, result.during().failures(), result.toString());
            assertTrue(result.hashes() <= ADDRESSES * LIMIT_PER_ADDRESS, result.toString());
            if (settings.withPasswords()) {
                assertTrue(result.hashes() >= 1, "the flood reached the password check: " + result);
                assertTrue(List.of(401, 429, 503).containsAll(result.signIns().keySet()), result.toString());
            }
        }
    }
}
