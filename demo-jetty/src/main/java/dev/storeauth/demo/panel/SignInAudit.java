package dev.storeauth.demo.panel;

import dev.storeauth.audit.AuditAction;
import dev.storeauth.audit.AuditEntry;
import dev.storeauth.demo.data.PanelUser;
import dev.storeauth.repository.RepositoryUnavailableException;
import dev.storeauth.throttle.Admission;
import dev.storeauth.throttle.FailureThrottle;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each decided sign-in to the audit trail through
 * {@link dev.storeauth.repository.AccountRepository#recordAudit}, in the accounts' own database.
 * The actor is the e-mail address given when it is a user's, else {@value #UNKNOWN_USER}: text that
 * is no user's address may be anything the person typed, a password in the wrong field included, so
 * it is never kept. The client address is the connection's (the one the sign-in throttle counts), the
 * store the user's, else none. Failures carry detail {@code reason}: {@code wrong_password},
 * {@code unknown_user} or {@code throttled}. A store's trail is shown to its owner, so an unknown
 * address, which has no store, is in no store's list: the owner learns no more than the sign-in
 * page tells.
 *
 * <ul>
 *   <li>A success whose entry cannot be written signs nobody in ({@link SignInOutcome.Unavailable}).
 *   <li>A failure whose entry cannot be written is refused all the same; the fault is logged.
 *   <li>Throttled attempts are recorded once per address per throttle window: each failure before
 *       the throttle has its entry, and a flood from one address adds one more, not one per request.
 *   <li>A busy hashing gate or an unreadable user table decided nothing and is not recorded.
 * </ul>
 *
 * <pre>{@code
 * SignInOutcome outcome = audit.record(email, request.getRemoteAddr(), signIns.attempt(email, password, address));
 * }</pre>
 *
 * Thread-safe.
 */
final class SignInAudit {

    /** The actor of a sign-in as an address that is no user's. */
    static final String UNKNOWN_USER = "(unknown user)";
    private static final Logger LOG = LoggerFactory.getLogger(SignInAudit.class);

    private final Consumer<AuditEntry> trail;
    private final Function<String, Optional<PanelUser>> users;
    private final Clock clock;
    private final FailureThrottle throttledEntries;

    /**
     * @param trail writes an entry: {@code repository::recordAudit}; throws {@link RepositoryUnavailableException},
     *     or {@link IllegalArgumentException} for a value its database cannot hold
     * @param users the user of an e-mail address, {@code ControlPanelUsers::user} in the demo
     * @param throttledEntries allows one place per window per address, for the throttled attempts recorded
     */
    SignInAudit(Consumer<AuditEntry> trail, Function<String, Optional<PanelUser>> users, Clock clock,
            FailureThrottle throttledEntries) {
        this.trail = Objects.requireNonNull(trail, "trail");
        this.users = Objects.requireNonNull(users, "users");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.throttledEntries = Objects.requireNonNull(throttledEntries, "throttledEntries");
    }

    /** Records {@code outcome} of a sign-in as {@code email} from {@code address}; the outcome to answer. */
    SignInOutcome record(String email, String address, SignInOutcome outcome) {
        if (outcome instanceof SignInOutcome.SignedIn signedIn) {
            return succeeded(email, address, signedIn);
        }
        if (outcome instanceof SignInOutcome.Refused) {
            failed(email, address, "wrong_password", "unknown_user");
        } else if (outcome instanceof SignInOutcome.Throttled && firstThrottledInWindow(address)) {
            failed(email, address, "throttled", "throttled");
        }
        return outcome;
    }

    private SignInOutcome succeeded(String email, String address, SignInOutcome.SignedIn signedIn) {
        try {
            trail.accept(entry(email, address, AuditAction.SIGN_IN_SUCCEEDED,
                    Optional.of(signedIn.user().storeHash()), Map.of()));
            return signedIn;
        } catch (RepositoryUnavailableException | IllegalArgumentException e) {
            LOG.warn("a sign-in was refused because its audit entry could not be written: {}", e.getMessage());
            return new SignInOutcome.Unavailable();
        }
    }

    private void failed(String email, String address, String knownReason, String unknownReason) {
        try {
            Optional<String> store = users.apply(email).map(PanelUser::storeHash);
            String reason = store.isPresent() ? knownReason : unknownReason;
            trail.accept(entry(store.isPresent() ? email : UNKNOWN_USER, address, AuditAction.SIGN_IN_FAILED, store,
                    Map.of("reason", reason)));
        } catch (RepositoryUnavailableException | IllegalArgumentException e) {
            LOG.warn("a refused sign-in's audit entry could not be written: {}", e.getMessage());
        }
    }

    private boolean firstThrottledInWindow(String address) {
        if (throttledEntries.tryReserve(address, null) instanceof Admission.Reserved reserved) {
            reserved.reservation().failed();
            return true;
        }
        return false;
    }

    private AuditEntry entry(String email, String address, AuditAction action, Optional<String> store,
            Map<String, String> detail) {
        Optional<String> from = Optional.ofNullable(address)
                .filter(a -> !a.isEmpty() && a.length() <= AuditEntry.MAX_TEXT);
        return new AuditEntry(clock.instant(), actor(email), action, store, Optional.empty(), from, detail);
    }

    /** The e-mail address, cut to what an entry holds (a sign-in may give up to 254 characters). */
    static String actor(String email) {
        if (email.length() <= AuditEntry.MAX_TEXT) {
            return email;
        }
        int end = AuditEntry.MAX_TEXT - 1;
        return email.substring(0, Character.isHighSurrogate(email.charAt(end - 1)) ? end - 1 : end) + "…";
    }
}
