package dev.storeauth.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.StoreAuth;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.throttle.CounterStore;
import dev.storeauth.throttle.Counters;
import dev.storeauth.throttle.LocalCounterStore;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A limit store is closed by whoever it was given to, also when that fails, and never echoes a URI. */
class LimitStoreTest {

    private final AtomicInteger closed = new AtomicInteger();
    private final LocalCounterStore local = LocalCounterStore.system(10, Duration.ofMinutes(1));
    private final LimitStore store = LimitStore.of(new CounterStore() {
        @Override
        public Counters counters(String namespace) {
            return local.counters(namespace);
        }

        @Override
        public String name() {
            return "counting-closes";
        }

        @Override
        public void close() {
            closed.incrementAndGet();
        }
    });

    @Test
    void aStoreAuthThatFailsToBuildClosesTheLimitStoreItWasGiven() {
        StoreAuth.Builder withoutRepository = StoreAuth.builder().limitStore(store);

        assertThrows(IllegalStateException.class, withoutRepository::build);

        assertEquals(1, closed.get());
    }

    @Test
    void aStoreAuthClosesTheLimitStoreItWasGivenOnce() {
        StoreAuth storeAuth = StoreAuth.builder().repository(new InMemoryAccountRepository()).limitStore(store).build();
        assertEquals(0, closed.get());

        storeAuth.close();
        storeAuth.close();

        assertEquals(1, closed.get());
    }

    @Test
    void refusesAUriThatIsNotRedisWithoutEchoingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LimitStore.redis("http://:hunter2@cache:6379"));

        assertTrue(e.getMessage().contains("redis://"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void refusesARedisUriLettuceCannotReadWithoutEchoingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LimitStore.redis("redis://user:hunter2 x@cache:6379"));

        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertEquals(null, e.getCause());
    }
}
