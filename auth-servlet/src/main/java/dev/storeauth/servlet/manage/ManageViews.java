package dev.storeauth.servlet.manage;

import dev.storeauth.lifecycle.AccountView;
import dev.storeauth.lifecycle.IssuedCredentials;
import dev.storeauth.policy.Scopes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The JSON shapes of the management endpoints, as ordered maps for Jackson. */
final class ManageViews {

    private ManageViews() {
    }

    static Map<String, Object> oauth(AccountView.OAuth view) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", view.id());
        json.put("name", view.name());
        json.put("client_id", view.clientId());
        json.put("scopes", scopes(view.scopes()));
        json.put("created_at", view.createdAt().toString());
        json.put("last_used_at", time(view.lastUsedAt()));
        return json;
    }

    /** The 201 body: the only response that ever carries the client secret and access token. */
    static Map<String, Object> created(IssuedCredentials.OAuth created) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", created.account().id());
        json.put("name", created.account().name());
        json.put("api_path", created.apiPath());
        json.put("client_id", created.clientId());
        json.put("client_secret", created.clientSecret());
        json.put("access_token", created.accessToken());
        json.put("scopes", scopes(created.account().scopes()));
        json.put("created_at", created.account().createdAt().toString());
        json.put("credentials_txt", created.credentialsText());
        return json;
    }

    static Map<String, Object> legacy(AccountView.Legacy view) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("username", view.username());
        json.put("ref", LegacyAddress.ref(view.username()));
        json.put("created_at", view.createdAt().toString());
        json.put("last_used_at", time(view.lastUsedAt()));
        return json;
    }

    /** The body after creating a legacy account or regenerating its token. */
    static Map<String, Object> issued(IssuedCredentials.Legacy issued) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("username", issued.account().username());
        json.put("api_path", issued.apiPath());
        json.put("api_token", issued.apiToken());
        return json;
    }

    private static Map<String, String> scopes(Scopes scopes) {
        Map<String, String> json = new LinkedHashMap<>();
        scopes.granted().forEach((resource, level) -> json.put(resource, level.wireName()));
        return json;
    }

    private static String time(Optional<Instant> at) {
        return at.map(Instant::toString).orElse(null);
    }
}
