package dev.storeauth.servlet;

import dev.storeauth.StoreAuth;
import java.util.Map;

/** The configurer a {@code web.xml} names in tests: {@link TestAccounts} shared through {@link #ACCOUNTS}. */
public final class SeededConfigurer implements StoreAuthConfigurer {

    static final TestAccounts ACCOUNTS = new TestAccounts();

    @Override
    public void configure(StoreAuth.Builder builder, Map<String, String> settings) {
        builder.repository(ACCOUNTS.repository);
    }
}
