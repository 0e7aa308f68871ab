package dev.storeauth.clientgrant;

import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.auth.LimitStore;
import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.SecretFormat;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.repository.AccountRepository;
import dev.storeauth.throttle.Admission;
import dev.storeauth.throttle.FailureThrottle;
import dev.storeauth.throttle.LimitStoreAccess;
import dev.storeauth.throttle.Reservation;
import java.util.Optional;
import java.util.function.Function;

/**
 * Proves a client's ID and secret behind the failure throttle, as {@link ClientCredentialsGrant}
 * describes: a place reserved before the lookup and the digest, the proven-client way past a blocked
 * address, one digest of the presented secret per request. Thread-safe.
 */
final class ClientAuthentication {

    /** Keeps client IDs apart from legacy usernames, which cannot hold a colon (RFC 7617). */
    private static final String IDENTITY_PREFIX = "client_id:";
    static final GrantOutcome.Refused UNKNOWN =
            new GrantOutcome.Refused(GrantError.INVALID_CLIENT, "client authentication failed");

    private final AccountRepository repository;
    private final SecretDigester digester;
    private final SecretDigest dummy;
    private final FailureThrottle throttle;
    private final FailureThrottle provenThrottle;
    private final ProvenClients proven = new ProvenClients();

    ClientAuthentication(ClientCredentialsGrant.Builder b) {
        this.repository = b.repository;
        this.digester = b.digester;
        this.dummy = digester.digest(new SecretGenerator().generate(SecretKind.CLIENT_SECRET));
        LimitStore limits = b.limits == null ? LimitStore.local() : b.limits;
        this.throttle = b.maxFailures == 0 ? null : new FailureThrottle(b.maxFailures, b.window,
                LimitStoreAccess.counters(limits, ClientCredentialsGrant.FAILURES));
        this.provenThrottle = b.maxFailures == 0 ? null : new FailureThrottle(
                (int) Math.min(Integer.MAX_VALUE, (long) b.maxFailures * ClientCredentialsGrant.PROVEN_BUCKET_FACTOR),
                b.window, LimitStoreAccess.counters(limits, ClientCredentialsGrant.PROVEN_FAILURES));
    }

    /** What {@code decide} answers for the proven account; {@link #UNKNOWN} or a throttle's answer otherwise. */
    GrantOutcome authenticate(ClientCredentialsRequest request, Function<OAuthAccount, GrantOutcome> decide) {
        boolean wellFormed = readable(request.clientId())
                && SecretFormat.isWellFormed(SecretKind.CLIENT_SECRET, request.clientSecret());
        if (throttle == null) {
            return wellFormed ? verify(request, digester.digest(request.clientSecret()), decide) : UNKNOWN;
        }
        Admission admission = throttle.tryReserve(request.clientAddress(), IDENTITY_PREFIX + request.clientId());
        if (admission instanceof Admission.Blocked blocked) {
            return wellFormed && proven.knows(request.clientId()) ? asProven(request, blocked, decide)
                    : new GrantOutcome.Throttled(blocked.retryAfter());
        }
        try (Reservation reservation = ((Admission.Reserved) admission).reservation()) {
            return settled(reservation, wellFormed ? verify(request, digester.digest(request.clientSecret()), decide) : UNKNOWN);
        }
    }

    /** A client proven before, from a blocked address: one digest, within the address's bucket of proven clients. */
    private GrantOutcome asProven(ClientCredentialsRequest request, Admission.Blocked blocked,
            Function<OAuthAccount, GrantOutcome> decide) {
        if (!(provenThrottle.tryReserve(request.clientAddress(), null) instanceof Admission.Reserved reserved)) {
            return new GrantOutcome.Throttled(blocked.retryAfter());
        }
        try (Reservation reservation = reserved.reservation()) {
            SecretDigest presented = digester.digest(request.clientSecret());
            GrantOutcome outcome = settled(reservation,
                    proven.proves(request.clientId(), presented) ? verify(request, presented, decide) : UNKNOWN);
            return outcome == UNKNOWN ? new GrantOutcome.Throttled(blocked.retryAfter()) : outcome;
        }
    }

    /** {@code outcome}, having kept the reservation's place if it is a failed authentication. */
    private static GrantOutcome settled(Reservation reservation, GrantOutcome outcome) {
        if (outcome == UNKNOWN) {
            reservation.failed();
        }
        return outcome;
    }

    private GrantOutcome verify(ClientCredentialsRequest request, SecretDigest presented,
            Function<OAuthAccount, GrantOutcome> decide) {
        Optional<OAuthAccount> found = repository.oauthAccountByClientId(request.clientId());
        boolean matches = found.map(OAuthAccount::clientSecretDigest).orElse(dummy).matches(presented);
        if (found.isEmpty() || !matches) {
            proven.forgetIfProvenBy(request.clientId(), presented);
            return UNKNOWN;
        }
        proven.remember(request.clientId(), presented);
        return decide.apply(found.get());
    }

    private static boolean readable(String clientId) {
        return !clientId.isEmpty() && clientId.length() <= OAuthAccount.MAX_CLIENT_ID_LENGTH
                && clientId.chars().noneMatch(Character::isISOControl);
    }
}
