package dev.storeauth.clientgrant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.storeauth.credentials.SecretDigest;
import java.time.Duration;

/**
 * The clients this node has proven lately: by client ID, the digest of the secret that proved it,
 * at most {@value #MAXIMUM} for {@link #KEPT}. What lets a proven client past a blocked address's
 * failure throttle, so that failures of others at its address do not lock it out; what it is then granted is still
 * decided from the repository. Thread-safe.
 */
final class ProvenClients {

    static final int MAXIMUM = 10_000;
    static final Duration KEPT = Duration.ofHours(1);

    private final Cache<String, SecretDigest> proven = Caffeine.newBuilder().maximumSize(MAXIMUM)
            .expireAfterWrite(KEPT).executor(Runnable::run).build();

    /** Whether any secret proved {@code clientId}: only then is a presented secret from a blocked address worth digesting. */
    boolean knows(String clientId) {
        return proven.getIfPresent(clientId) != null;
    }

    /** Whether {@code presented} is the secret that last proved {@code clientId}, compared in constant time. */
    boolean proves(String clientId, SecretDigest presented) {
        SecretDigest known = proven.getIfPresent(clientId);
        return known != null && known.matches(presented);
    }

    void remember(String clientId, SecretDigest secret) {
        proven.put(clientId, secret);
    }

    /**
     * Forgets {@code clientId} if {@code secret} is what proved it: that secret no longer does (the
     * account is gone). Another party's wrong secret leaves the proven client remembered.
     */
    void forgetIfProvenBy(String clientId, SecretDigest secret) {
        proven.asMap().computeIfPresent(clientId, (id, known) -> known.matches(secret) ? null : known);
    }
}
