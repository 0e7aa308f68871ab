package dev.storeauth.servlet;

import dev.storeauth.StoreAuth;
import java.util.Map;

/** The configurer a {@code web.xml} names in tests of expiry and allowlists: {@link PolicyAccounts} shared through {@link #ACCOUNTS}. */
public final class PolicyConfigurer implements StoreAuthConfigurer {

    static final PolicyAccounts ACCOUNTS = new PolicyAccounts();

    @Override
    public void configure(StoreAuth.Builder builder, Map<String, String> settings) {
        builder.repository(ACCOUNTS.repository);
    }
}
