package dev.storeauth.servlet.manage;

import dev.storeauth.lifecycle.AccountView;
import dev.storeauth.lifecycle.IssuedCredentials;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.policy.Scopes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON shapes of the account endpoints, as ordered maps for Jackson. Times are RFC 3339 in UTC
 * ({@link Instant#toString()}); a time or address not known is {@code null}; {@code allowed_ips}
 * empty means anywhere. Over a catalogue with platform scope names, an OAuth account also lists
 * {@code platform_scopes}: the platform's names for its scopes.
 */
final class ManageViews {

    private ManageViews() {
    }

    /** {@code named}: the catalogue whose platform scope names to list as {@code platform_scopes}, if it has any. */
    static Map<String, Object> oauth(AccountView.OAuth view, Optional<ScopeCatalogue> named) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", view.id());
        json.put("name", view.name());
        json.put("client_id", view.clientId());
        json.put("scopes", scopes(view.scopes()));
        named.ifPresent(catalogue -> json.put("platform_scopes", catalogue.platformNames(view.scopes())));
        json.put("created_at", view.createdAt().toString());
        json.put("expires_at", time(view.expiresAt()));
        json.put("old_token_expires_at", time(view.oldTokenExpiresAt()));
        json.put("allowed_ips", view.allowedAddresses().blocks());
        return used(json, view);
    }

    /** The 201 body: the only response that ever carries the client secret and access token. */
    static Map<String, Object> created(IssuedCredentials.OAuth created, Optional<ScopeCatalogue> named) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", created.account().id());
        json.put("name", created.account().name());
        json.put("api_path", created.apiPath());
        json.put("client_id", created.clientId());
        json.put("client_secret", created.clientSecret());
        json.put("access_token", created.accessToken());
        json.put("scopes", scopes(created.account().scopes()));
        named.ifPresent(catalogue -> json.put("platform_scopes", catalogue.platformNames(created.account().scopes())));
        json.put("created_at", created.account().createdAt().toString());
        json.put("expires_at", time(created.account().expiresAt()));
        json.put("allowed_ips", created.account().allowedAddresses().blocks());
        json.put("credentials_txt", created.credentialsText());
        return json;
    }

    /** The body after a roll: the only response that carries the new access token. */
    static Map<String, Object> rolled(IssuedCredentials.Rolled rolled) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", rolled.account().id());
        json.put("access_token", rolled.accessToken());
        json.put("old_token_expires_at", rolled.oldTokenExpiresAt().toString());
        return json;
    }

    static Map<String, Object> legacy(AccountView.Legacy view) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("username", view.username());
        json.put("ref", LegacyAddress.ref(view.username()));
        json.put("created_at", view.createdAt().toString());
        json.put("old_token_expires_at", time(view.oldTokenExpiresAt()));
        return used(json, view);
    }

    /** The body after creating a legacy account or regenerating its token. */
    static Map<String, Object> issued(IssuedCredentials.Legacy issued) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("username", issued.account().username());
        json.put("api_path", issued.apiPath());
        json.put("api_token", issued.apiToken());
        return json;
    }

    /** {@link #issued} and when the old token fails: {@code null} when it failed at once. */
    static Map<String, Object> regenerated(IssuedCredentials.Legacy issued) {
        Map<String, Object> json = issued(issued);
        json.put("old_token_expires_at", time(issued.oldTokenExpiresAt()));
        return json;
    }

    private static Map<String, Object> used(Map<String, Object> json, AccountView view) {
        json.put("last_used_at", time(view.lastUsedAt()));
        json.put("last_used_from", view.lastUsedFrom().orElse(null));
        return json;
    }

    private static Map<String, String> scopes(Scopes scopes) {
        Map<String, String> json = new LinkedHashMap<>();
        scopes.granted().forEach((resource, level) -> json.put(resource, level.wireName()));
        return json;
    }

    static String time(Optional<Instant> at) {
        return at.map(Instant::toString).orElse(null);
    }
}
