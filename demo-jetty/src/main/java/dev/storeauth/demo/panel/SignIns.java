package dev.storeauth.demo.panel;

import dev.storeauth.demo.data.PasswordCheck;
import dev.storeauth.repository.RepositoryUnavailableException;
import dev.storeauth.throttle.Admission;
import dev.storeauth.throttle.FailureThrottle;
import dev.storeauth.throttle.Reservation;
import java.util.Objects;

/**
 * One sign-in attempt, from an already parsed e-mail address, password and client address: a
 * throttle reservation is taken before the password hash, from the address's bucket and from the
 * bucket of that e-mail address at that address (so concurrent failures from one address hash at
 * most the throttle's limit), then settled as a failure only for a wrong password; a success, a
 * busy hashing gate or an unreadable database releases it. An e-mail address is never limited on
 * its own: failures for the owner from one address leave the owner's sign-in from any other
 * address untouched. Thread-safe; blocks for as long as the check does.
 */
final class SignIns {

    /** Checks an e-mail address and password: {@code ControlPanelUsers::authenticate} in the demo. */
    @FunctionalInterface
    interface Check {

        /** @throws RepositoryUnavailableException if the users cannot be read */
        PasswordCheck check(String email, String password);
    }

    private final FailureThrottle throttle;
    private final Check check;

    SignIns(FailureThrottle throttle, Check check) {
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.check = Objects.requireNonNull(check, "check");
    }

    /** Never throws for a failed or refused attempt: every ending is a {@link SignInOutcome}. */
    SignInOutcome attempt(String email, String password, String address) {
        Admission admission = throttle.tryReserve(address, email);
        if (admission instanceof Admission.Blocked blocked) {
            return new SignInOutcome.Throttled(blocked.retryAfter());
        }
        try (Reservation reservation = ((Admission.Reserved) admission).reservation()) {
            return settle(reservation, check.check(email, password));
        } catch (RepositoryUnavailableException e) {
            return new SignInOutcome.Unavailable();
        }
    }

    private static SignInOutcome settle(Reservation reservation, PasswordCheck result) {
        if (result instanceof PasswordCheck.Matched matched) {
            reservation.release();
            return new SignInOutcome.SignedIn(matched.user());
        }
        if (result instanceof PasswordCheck.Busy) {
            reservation.release();
            return new SignInOutcome.Busy();
        }
        reservation.failed();
        return new SignInOutcome.Refused();
    }
}
