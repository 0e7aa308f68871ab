package dev.storeauth.lifecycle;

import static dev.storeauth.lifecycle.AccountLifecycleTest.OWNER;
import static dev.storeauth.lifecycle.AccountLifecycleTest.STORE;
import static dev.storeauth.lifecycle.AccountLifecycleTest.done;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.repository.AccountChange;
import dev.storeauth.repository.InMemoryAccountRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AccountLifecycleBuilderTest {

    final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    final List<String> told = new ArrayList<>();

    AccountLifecycle.Builder builder() {
        return AccountLifecycle.builder(repository, (store, user) -> user.equals(OWNER), "api.example.com");
    }

    static Stream<Arguments> settings() {
        return Stream.of(
                setting("generator", b -> b.generator(new SecretGenerator())),
                setting("digester", b -> b.digester(SecretDigester.sha256())),
                setting("catalogue", b -> b.catalogue(ScopeCatalogue.defaults())),
                setting("changeListener", b -> b.changeListener(AccountChange.Listener.NONE)),
                setting("listener", b -> b.listener(LifecycleEvent.Listener.NONE)),
                setting("clock", b -> b.clock(Clock.systemUTC())),
                setting("oauthAccountLimit", b -> b.oauthAccountLimit(5)));
    }

    private static Arguments setting(String name, Consumer<AccountLifecycle.Builder> setter) {
        return Arguments.of(name, setter);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void aSettingGivenTwiceFailsNamingIt(String name, Consumer<AccountLifecycle.Builder> setting) {
        AccountLifecycle.Builder builder = builder();
        setting.accept(builder);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> setting.accept(builder));

        assertTrue(e.getMessage().contains(name), e.getMessage());
    }

    @Test
    void settingsGivenAfterBuildChangeNoLifecycle() {
        AccountLifecycle.Builder builder = builder();
        AccountLifecycle lifecycle = builder.build();

        builder.oauthAccountLimit(1).changeListener(change -> told.add("change")).listener(event -> told.add("event"));
        done(lifecycle.createOAuthAccount(Actor.of(OWNER), STORE, "First", Map.of()));
        done(lifecycle.createOAuthAccount(Actor.of(OWNER), STORE, "Second", Map.of()));

        assertEquals(List.of(), told);
        assertEquals(2, repository.oauthAccounts(STORE).size());
    }

    @Test
    void timesAreKeptToTheMicrosecondSoAListReadsBackWhatACallReturned() {
        Instant nanos = Instant.parse("2026-12-01T10:00:00.123456789Z");
        AccountLifecycle lifecycle = AccountLifecycle.builder(new InMemoryAccountRepository(), (store, user) -> true,
                "api.example.com").clock(Clock.fixed(nanos, ZoneOffset.UTC)).build();
        IssuedCredentials.OAuth created = done(lifecycle.createOAuthAccount(Actor.of(OWNER), STORE,
                NewOAuthAccount.named("Stock sync", Map.of()).expiringAt(nanos.plusSeconds(3_600))));
        IssuedCredentials.Rolled rolled = done(lifecycle.rollOAuthToken(Actor.of(OWNER), STORE, created.account().id(),
                Duration.ofMinutes(5)));
        Instant micros = Instant.parse("2026-12-01T10:00:00.123456Z");
        assertEquals(micros, created.account().createdAt());
        assertEquals(Optional.of(micros.plusSeconds(3_600)), created.account().expiresAt());
        assertEquals(micros.plusSeconds(300), rolled.oldTokenExpiresAt());
        assertEquals(Optional.of(rolled.oldTokenExpiresAt()),
                done(lifecycle.oauthAccounts(Actor.of(OWNER), STORE)).get(0).oldTokenExpiresAt());
    }
}
