package dev.storeauth.servlet;

import dev.storeauth.StoreAuth;
import java.util.Map;

/**
 * Configures, from code, what the init-params of a {@code web.xml}-declared {@link StoreAuthFilter}
 * cannot: usually the account repository ({@code jdbc(dataSource)}, or {@code repository(...)} with
 * its {@code changeFeed(...)}), and any schemes or routes. Named by the {@code configurer}
 * init-param, instantiated through its public no-argument constructor, and called once, before the
 * filter's other init-params are applied to the same builder (so setting one both ways fails
 * {@code init}, naming it).
 *
 * <pre>{@code
 * public final class MyConfigurer implements StoreAuthConfigurer {
 *     public void configure(StoreAuth.Builder builder, Map<String, String> settings) {
 *         builder.jdbc(MyDataSources.named(settings.get("pool")));
 *     }
 * }
 * }</pre>
 * with {@code <init-param><param-name>configurer.pool</param-name>...}.
 */
@FunctionalInterface
public interface StoreAuthConfigurer {

    /**
     * @param settings the init-params named {@code configurer.<name>}, by {@code <name>}
     * @throws IllegalArgumentException naming the setting when the settings are unusable
     */
    void configure(StoreAuth.Builder builder, Map<String, String> settings);
}
