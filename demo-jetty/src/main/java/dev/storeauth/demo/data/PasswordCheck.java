package dev.storeauth.demo.data;

import java.util.Objects;

/** What {@link ControlPanelUsers#authenticate} found. */
public sealed interface PasswordCheck {

    /** The e-mail address and password belong to {@code user}. */
    record Matched(PanelUser user) implements PasswordCheck {

        public Matched {
            Objects.requireNonNull(user, "user");
        }
    }

    /** An unknown e-mail address or a wrong password, alike. */
    record Mismatched() implements PasswordCheck {
    }

    /** Too many hashes running or waiting: nothing was checked; the caller should answer 503. */
    record Busy() implements PasswordCheck {
    }
}
