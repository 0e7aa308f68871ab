package dev.storeauth.demo.panel;

import dev.storeauth.demo.data.PanelUser;
import java.time.Duration;
import java.util.Objects;

/** How one sign-in attempt ended, as {@link SignIns#attempt} answers it. */
sealed interface SignInOutcome {

    /** The password matched: start {@code user}'s session (200). */
    record SignedIn(PanelUser user) implements SignInOutcome {

        public SignedIn {
            Objects.requireNonNull(user, "user");
        }
    }

    /** A wrong e-mail address or password, counted as a failure (401). */
    record Refused() implements SignInOutcome {
    }

    /** The address or e-mail address has used up its failures; nothing was hashed (429). */
    record Throttled(Duration retryAfter) implements SignInOutcome {

        public Throttled {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /** Too many password hashes running or waiting; nothing was hashed or counted (503). */
    record Busy() implements SignInOutcome {
    }

    /** The user database could not be read; nothing was counted (503). */
    record Unavailable() implements SignInOutcome {
    }
}
