package dev.storeauth.servlet;

import dev.storeauth.repository.AccountLookup;
import java.util.Map;

/** The store a {@code web.xml} names in tests: {@link TestAccounts} shared through {@link #ACCOUNTS}. */
public final class SeededStoreFactory implements AccountRepositoryFactory {

    static final TestAccounts ACCOUNTS = new TestAccounts();

    @Override
    public AccountLookup create(Map<String, String> initParams) {
        return ACCOUNTS.repository;
    }
}
