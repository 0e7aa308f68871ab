package dev.storeauth.bench;

import dev.storeauth.auth.AuthResult;
import java.util.Optional;

/** Fails a benchmark's setup when it would measure a denial instead of the path it claims to measure. */
final class Expect {

    private Expect() {
    }

    static AuthResult authenticated(AuthResult result) {
        if (!(result instanceof AuthResult.Authenticated)) {
            throw new IllegalStateException("benchmark fixture is not authenticated: " + result);
        }
        return result;
    }

    static <T> T found(Optional<T> found) {
        return found.orElseThrow(() -> new IllegalStateException("benchmark fixture is not in the store"));
    }
}
