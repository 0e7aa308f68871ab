package dev.storeauth.servlet;

import dev.storeauth.StoreAuth;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/** Gives the builder its repository: {@code repository-datasource} from JNDI, or a {@code configurer}. */
final class StoreSources {

    static final String CONFIGURER = "configurer";
    static final String SETTING_PREFIX = CONFIGURER + ".";
    static final String DATASOURCE = "repository-datasource";

    private StoreSources() {
    }

    /**
     * @throws IllegalArgumentException naming the parameter when neither or both are given, or the
     *     one given cannot be used
     */
    static void apply(InitParams params, StoreAuth.Builder builder) {
        String configurer = params.string(CONFIGURER, "");
        String dataSource = params.string(DATASOURCE, "");
        if (configurer.isEmpty() == dataSource.isEmpty()) {
            throw new IllegalArgumentException(CONFIGURER + " / " + DATASOURCE + ": give exactly one of them");
        }
        if (dataSource.isEmpty()) {
            instantiate(configurer).configure(builder, settings(params));
        } else {
            builder.jdbc(lookUp(dataSource));
        }
    }

    private static StoreAuthConfigurer instantiate(String className) {
        Object instance;
        try {
            instance = Class.forName(className, true, Thread.currentThread().getContextClassLoader())
                    .getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalArgumentException(CONFIGURER + ": cannot instantiate " + className + " (" + e + ")", e);
        }
        if (!(instance instanceof StoreAuthConfigurer configurer)) {
            throw new IllegalArgumentException(CONFIGURER + ": " + className + " does not implement "
                    + StoreAuthConfigurer.class.getName());
        }
        return configurer;
    }

    private static Map<String, String> settings(InitParams params) {
        Map<String, String> settings = new LinkedHashMap<>();
        params.all().forEach((name, value) -> {
            if (name.startsWith(SETTING_PREFIX)) {
                settings.put(name.substring(SETTING_PREFIX.length()), value);
            }
        });
        return Map.copyOf(settings);
    }

    static DataSource lookUp(String jndiName) {
        try {
            Object found = new InitialContext().lookup(jndiName);
            if (!(found instanceof DataSource dataSource)) {
                throw new IllegalArgumentException(DATASOURCE + ": " + jndiName + " is not a javax.sql.DataSource");
            }
            return dataSource;
        } catch (NamingException e) {
            throw new IllegalArgumentException(DATASOURCE + ": JNDI lookup of " + jndiName + " failed (" + e + ")", e);
        }
    }
}
