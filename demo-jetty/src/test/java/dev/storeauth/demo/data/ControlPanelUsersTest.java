package dev.storeauth.demo.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link ControlPanelUsers#authenticate}: every password check, known e-mail or not, passes the gate. */
class ControlPanelUsersTest {

    private static final String OWNER_PASSWORD = "owner-pass";

    private final PasswordHasher hasher = new PasswordHasher(1_000);
    private final HashingGate gate = new HashingGate(1, 0, Duration.ZERO);
    private final CountDownLatch release = new CountDownLatch(1);
    private final ControlPanelUsers users;

    ControlPanelUsersTest() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:users-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        DemoSchema.migrate(dataSource);
        Map<String, String> env = Map.of("STOREAUTH_OWNER_PASSWORD", OWNER_PASSWORD,
                "STOREAUTH_STAFF_PASSWORD", "staff-pass");
        new FirstStart(dataSource, hasher, name -> Optional.ofNullable(env.get(name))).ensureStore(Optional.empty());
        users = new ControlPanelUsers(dataSource, hasher, gate);
    }

    @AfterEach
    void releaseHolder() {
        release.countDown();
    }

    @Test
    void matchesTheRightPasswordAndAnswersWrongPasswordsAndUnknownAddressesAlike() {
        PasswordCheck.Matched matched = assertInstanceOf(PasswordCheck.Matched.class,
                users.authenticate(" Owner@Example.com ", OWNER_PASSWORD));

        assertEquals(FirstStart.OWNER, matched.user().email());
        assertEquals(new PasswordCheck.Mismatched(), users.authenticate(FirstStart.OWNER, "wrong"));
        assertEquals(new PasswordCheck.Mismatched(), users.authenticate("nobody@example.com", "wrong"));
    }

    @Test
    void anUnknownAddressWaitsForTheSameGateAsAKnownOne() throws Exception {
        holdTheGate();

        assertEquals(new PasswordCheck.Busy(), users.authenticate("nobody@example.com", "wrong"));
        assertEquals(new PasswordCheck.Busy(), users.authenticate(FirstStart.OWNER, "wrong"));
        assertEquals(new PasswordCheck.Busy(), users.authenticate(FirstStart.OWNER, OWNER_PASSWORD));
    }

    private void holdTheGate() throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        CompletableFuture.runAsync(() -> gate.run(() -> {
            holding.countDown();
            try {
                return release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }));
        assertTrue(holding.await(30, TimeUnit.SECONDS), "the gate is held");
    }
}
