package dev.storeauth.lifecycle;

import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.policy.CredentialPolicy;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.repository.AccountChange;
import dev.storeauth.repository.AccountRepository;
import java.time.Clock;
import java.util.Objects;

/**
 * What an {@link AccountLifecycle} was built with, copied from its builder at {@code build()}, so a
 * builder changed afterwards changes no lifecycle.
 */
record LifecycleSettings(AccountRepository repository, StoreOwnership ownership, String apiHost,
        SecretGenerator generator, SecretDigester digester, ScopeCatalogue catalogue,
        AccountChange.Listener changeListener, LifecycleEvent.Listener listener, Clock clock, int oauthAccountLimit,
        CredentialPolicy defaultPolicy) {

    LifecycleSettings {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(ownership, "ownership");
        Objects.requireNonNull(apiHost, "apiHost");
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(digester, "digester");
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(changeListener, "changeListener");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(defaultPolicy, "defaultPolicy");
        if (oauthAccountLimit < 1) {
            throw new IllegalArgumentException("the OAuth account limit must be positive, got " + oauthAccountLimit);
        }
    }
}
