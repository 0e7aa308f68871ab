package dev.storeauth.servlet;

import dev.storeauth.repository.AccountLookup;
import java.util.Map;

/**
 * Creates the account repository a {@code web.xml}-configured {@link StoreAuthFilter} uses. Named by
 * the {@code store-factory} init-param; instantiated through its public no-argument constructor.
 *
 * <pre>{@code
 * public final class MyStoreFactory implements AccountRepositoryFactory {
 *     public AccountLookup create(Map<String, String> initParams) {
 *         return new JdbcAccountRepository(lookUpMyDataSource());
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface AccountRepositoryFactory {

    /**
     * @param initParams every init-param of the filter, for factory-specific settings
     * @return the store; never {@code null}
     * @throws IllegalArgumentException naming the parameter when the settings are unusable
     */
    AccountLookup create(Map<String, String> initParams);
}
