package dev.storeauth.servlet;

import dev.storeauth.repository.AccountLookup;
import dev.storeauth.repository.jdbc.JdbcAccountRepository;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/** Opens the account repository named by {@code store-factory} or {@code store-datasource}. */
final class StoreSources {

    private StoreSources() {
    }

    /**
     * @throws IllegalArgumentException naming the parameter when neither or both are given, or the
     *     one given cannot be used
     */
    static Opened open(InitParams params) {
        String factory = params.string("store-factory", "");
        String dataSource = params.string("store-datasource", "");
        if (factory.isEmpty() == dataSource.isEmpty()) {
            throw new IllegalArgumentException("store-factory / store-datasource: give exactly one of them");
        }
        return factory.isEmpty() ? jdbc(dataSource) : new Opened(fromFactory(factory, params), null);
    }

    private static AccountLookup fromFactory(String className, InitParams params) {
        Object instance;
        try {
            instance = Class.forName(className, true, Thread.currentThread().getContextClassLoader())
                    .getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalArgumentException("store-factory: cannot instantiate " + className + " (" + e + ")", e);
        }
        if (!(instance instanceof AccountRepositoryFactory storeFactory)) {
            throw new IllegalArgumentException("store-factory: " + className + " does not implement "
                    + AccountRepositoryFactory.class.getName());
        }
        AccountLookup store = storeFactory.create(params.all());
        if (store == null) {
            throw new IllegalArgumentException("store-factory: " + className + " returned no store");
        }
        return store;
    }

    /**
     * The opened store and, for {@code store-datasource}, its data source.
     *
     * @param store the store
     * @param dataSource the JDBC data source, or {@code null} for a factory-made store
     */
    record Opened(AccountLookup store, DataSource dataSource) {
    }

    private static Opened jdbc(String jndiName) {
        try {
            Object found = new InitialContext().lookup(jndiName);
            if (!(found instanceof DataSource dataSource)) {
                throw new IllegalArgumentException("store-datasource: " + jndiName + " is not a javax.sql.DataSource");
            }
            return new Opened(JdbcAccountRepository.create(dataSource), dataSource);
        } catch (NamingException e) {
            throw new IllegalArgumentException("store-datasource: JNDI lookup of " + jndiName + " failed (" + e + ")", e);
        }
    }
}
