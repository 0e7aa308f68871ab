package dev.storeauth.servlet.manage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeauth.lifecycle.NewOAuthAccount;
import dev.storeauth.lifecycle.Outcome;
import dev.storeauth.policy.ScopeCatalogue;
import java.time.Duration;
import java.util.Optional;

/**
 * The bodies of the account endpoints that take more than one field, read into lifecycle requests.
 * Types are checked here, naming the field; ranges and policies are the lifecycle's.
 */
final class AccountBodies {

    static final String OLD_TOKEN_EXPIRES_IN = "old_token_expires_in";

    private AccountBodies() {
    }

    /**
     * {@code {"name", "scopes", "expires_in", "expires_at", "allowed_ips"}}: the name is required,
     * the rest optional; scope names are read by {@code catalogue}.
     */
    static Outcome<NewOAuthAccount> newAccount(JsonNode body, ScopeCatalogue catalogue) {
        return ManageBodies.string(body, "name")
                .flatMap(name -> ManageBodies.scopes(body, catalogue)
                .flatMap(scopes -> expiresIn(body)
                .flatMap(in -> ManageBodies.time(body, "expires_at")
                .flatMap(at -> ManageBodies.stringsOrNone(body, "allowed_ips")
                .map(ips -> new NewOAuthAccount(name, scopes, in, at, ips))))));
    }

    /** {@code expires_in}: a positive whole number of seconds, if given. */
    private static Outcome<Optional<Duration>> expiresIn(JsonNode body) {
        String meaning = "a positive whole number of seconds";
        return ManageBodies.wholeNumber(body, "expires_in", meaning).flatMap(seconds -> seconds.isPresent()
                && seconds.get() < 1 ? Outcome.invalid("expires_in", "expires_in must be " + meaning)
                : Outcome.done(seconds.map(Duration::ofSeconds)));
    }

    /** {@code old_token_expires_in} of a roll: required. */
    static Outcome<Duration> oldTokenLifetime(JsonNode body) {
        return optionalOldTokenLifetime(body).flatMap(lifetime -> lifetime.isPresent() ? Outcome.done(lifetime.get())
                : Outcome.invalid(OLD_TOKEN_EXPIRES_IN, OLD_TOKEN_EXPIRES_IN + " is required: how long the old"
                        + " token keeps working, 0 to 604800 seconds"));
    }

    /** {@code old_token_expires_in} of a legacy token regeneration: empty when not given. */
    static Outcome<Optional<Duration>> optionalOldTokenLifetime(JsonNode body) {
        return ManageBodies.wholeNumber(body, OLD_TOKEN_EXPIRES_IN, "a whole number of seconds from 0 to 604800")
                .map(seconds -> seconds.map(Duration::ofSeconds));
    }
}
