package dev.storeauth.bench;

import dev.storeauth.throttle.Admission;
import dev.storeauth.throttle.FailureThrottle;
import java.lang.ref.Reference;
import java.time.Duration;

/**
 * Heap used by a local {@link FailureThrottle} tracking N failed Basic attempts (default 100,000, its
 * bound), each from its own address with its own 5,800-character username, so that every attempt adds
 * two keys (the address, and the username at that address). Keys are 22-character digests, so the
 * username's length does not show in the figure. Heap is sampled after {@code System.gc()} several
 * times; the minimum is reported.
 *
 * <pre>{@code java -Xmx1g -cp benchmarks/target/benchmarks.jar dev.storeauth.bench.ThrottleMemory 100000}</pre>
 */
public final class ThrottleMemory {

    private static final int USERNAME_LENGTH = 5_800;

    private ThrottleMemory() {
    }

    public static void main(String[] args) throws InterruptedException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        FailureThrottle throttle = FailureThrottle.local(20, Duration.ofMinutes(1), count, System::nanoTime);
        String padding = "u".repeat(USERNAME_LENGTH - 10);
        fail(throttle, "192.0.2.1", padding + "warm-up-00");
        long before = Heap.used();
        for (int i = 0; i < count / 2; i++) {
            fail(throttle, "10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255),
                    padding + String.format("%010d", i));
        }
        long after = Heap.used();
        long bytes = after - before;
        System.out.printf("failed attempts: %d, keys: %d (addresses and username-at-address)%n", count / 2, count);
        System.out.printf("heap before: %.1f MB, after: %.1f MB, throttle: %.1f MB, %d bytes/key%n",
                Heap.mb(before), Heap.mb(after), Heap.mb(bytes), bytes / count);
        Reference.reachabilityFence(throttle);
    }

    private static void fail(FailureThrottle throttle, String address, String username) {
        if (throttle.tryReserve(address, "store1:" + username) instanceof Admission.Reserved reserved) {
            reserved.reservation().failed();
        }
    }
}
