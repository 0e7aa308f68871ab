package dev.storeauth.auth;

import dev.storeauth.accounts.Account;
import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.policy.Scopes;
import java.time.Instant;

/** The toy scheme's own account kind. */
record ApiKeyAccount(String id, String storeHash, SecretDigest keyDigest, Scopes scopes) implements Account {

    @Override
    public String principalName() {
        return "key:" + id;
    }

    @Override
    public Instant createdAt() {
        return Instant.EPOCH;
    }
}
