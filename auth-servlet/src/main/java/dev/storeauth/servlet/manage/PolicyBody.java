package dev.storeauth.servlet.manage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeauth.lifecycle.Outcome;
import dev.storeauth.policy.CredentialPolicy;
import java.time.Duration;
import java.util.Optional;

/** The body of {@code PUT credential-policy}: {@code {"require_expiry": bool, "max_lifetime": seconds or null}}. */
final class PolicyBody {

    private static final long LONGEST = Duration.ofDays(CredentialPolicy.MAX_LIFETIME_DAYS).toSeconds();
    private static final String MAX_LIFETIME = "max_lifetime";
    private static final String MEANING = "a whole number of seconds from 1 to " + LONGEST + ", or null for no cap";

    private PolicyBody() {
    }

    /** The policy {@code body} asks for; {@code require_expiry} is required, {@code max_lifetime} absent is no cap. */
    static Outcome<CredentialPolicy> policy(JsonNode body) {
        JsonNode require = body.get("require_expiry");
        if (require == null || !require.isBoolean()) {
            return Outcome.invalid("require_expiry", "require_expiry is required and must be true or false");
        }
        return ManageBodies.wholeNumber(body, MAX_LIFETIME, MEANING)
                .flatMap(max -> max.isPresent() && (max.get() < 1 || max.get() > LONGEST)
                        ? Outcome.invalid(MAX_LIFETIME, MAX_LIFETIME + " must be " + MEANING)
                        : Outcome.done(new CredentialPolicy(require.booleanValue(), max.map(Duration::ofSeconds))));
    }
}
