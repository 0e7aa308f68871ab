package dev.storeauth.demo.panel;

import dev.storeauth.demo.data.PanelUser;
import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.ResourceDefinition;
import dev.storeauth.policy.ScopeCatalogue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON the pages get about the signed-in user and what the store's API offers. */
final class SessionView {

    private SessionView() {
    }

    /** The answer to a sign-in. */
    static Map<String, Object> signedIn(PanelUser user, String csrf) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("email", user.email());
        json.put("role", user.role().name().toLowerCase(java.util.Locale.ROOT));
        json.put("store_hash", user.storeHash());
        json.put("csrf_token", csrf);
        return json;
    }

    /** The answer to {@code GET /manage/session}: the sign-in's fields plus what the pages show. */
    static Map<String, Object> full(PanelUser user, String csrf, String apiBase, int accountLimit,
            ScopeCatalogue catalogue) {
        Map<String, Object> json = signedIn(user, csrf);
        json.put("api_path", apiBase + "/stores/" + user.storeHash() + "/v3/");
        json.put("legacy_api_path", apiBase + "/stores/" + user.storeHash() + "/v2/");
        json.put("oauth_account_limit", accountLimit);
        json.put("resources", catalogue.resources().stream().map(SessionView::resource).toList());
        return json;
    }

    private static Map<String, Object> resource(ResourceDefinition definition) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", definition.id());
        json.put("name", definition.displayName());
        json.put("scoped", definition.scoped());
        List<String> levels = definition.levels().stream().sorted().map(AccessLevel::wireName).toList();
        json.put("levels", levels);
        return json;
    }
}
