package dev.storeauth.servlet;

import dev.storeauth.store.CredentialStore;
import java.util.Map;

/** The store a {@code web.xml} names in tests: {@link TestAccounts} shared through {@link #ACCOUNTS}. */
public final class SeededStoreFactory implements CredentialStoreFactory {

    static final TestAccounts ACCOUNTS = new TestAccounts();

    @Override
    public CredentialStore create(Map<String, String> initParams) {
        return ACCOUNTS.repository;
    }
}
