package dev.storeauth.servlet.manage;

import static dev.storeauth.servlet.manage.ManageReplies.respond;
import static dev.storeauth.servlet.manage.ManageReplies.respondNoContent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeauth.lifecycle.AccountLifecycle;
import dev.storeauth.policy.ScopeCatalogue;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The account endpoints, OAuth and legacy: input to the lifecycle, its outcome to a response. */
final class ManageEndpoints {

    private final AccountLifecycle lifecycle;
    /** The lifecycle's catalogue, when it has platform scope names to list. */
    private final Optional<ScopeCatalogue> named;

    ManageEndpoints(AccountLifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.named = Optional.of(lifecycle.catalogue()).filter(ScopeCatalogue::hasPlatformNames);
    }

    void listOAuth(ManageCall call) throws IOException {
        respond(call, 200, lifecycle.oauthAccounts(call.actor(), call.store()),
                views -> views.stream().map(view -> ManageViews.oauth(view, named)).toList());
    }

    void createOAuth(ManageCall call) throws IOException {
        Optional<JsonNode> body = ManageJson.readObject(call);
        if (body.isPresent()) {
            respond(call, 201, AccountBodies.newAccount(body.get(), lifecycle.catalogue())
                    .flatMap(request -> lifecycle.createOAuthAccount(call.actor(), call.store(), request)),
                    created -> ManageViews.created(created, named));
        }
    }

    void rollOAuth(ManageCall call) throws IOException {
        Optional<JsonNode> body = ManageJson.readObject(call);
        if (body.isPresent()) {
            respond(call, 200, AccountBodies.oldTokenLifetime(body.get()).flatMap(lifetime ->
                    lifecycle.rollOAuthToken(call.actor(), call.store(), call.path().segment(1), lifetime)),
                    ManageViews::rolled);
        }
    }

    void setAllowedIps(ManageCall call) throws IOException {
        Optional<JsonNode> body = ManageJson.readObject(call);
        if (body.isPresent()) {
            respond(call, 200, ManageBodies.strings(body.get(), "allowed_ips").flatMap(blocks ->
                    lifecycle.setAllowedAddresses(call.actor(), call.store(), call.path().segment(1), blocks)),
                    view -> ManageViews.oauth(view, named));
        }
    }

    void deleteOAuth(ManageCall call) throws IOException {
        respondNoContent(call, lifecycle.deleteOAuthAccount(call.actor(), call.store(), call.path().segment(1)));
    }

    void deleteOAuthBulk(ManageCall call) throws IOException {
        Optional<JsonNode> body = ManageJson.readObject(call);
        if (body.isPresent()) {
            respond(call, 200, ManageBodies.ids(body.get())
                    .flatMap(ids -> lifecycle.deleteOAuthAccounts(call.actor(), call.store(), ids)),
                    n -> Map.of("deleted", n));
        }
    }

    void listLegacy(ManageCall call) throws IOException {
        respond(call, 200, lifecycle.legacyAccounts(call.actor(), call.store()),
                views -> views.stream().map(ManageViews::legacy).toList());
    }

    void createLegacy(ManageCall call) throws IOException {
        Optional<JsonNode> body = ManageJson.readObject(call);
        if (body.isPresent()) {
            respond(call, 201, ManageBodies.string(body.get(), "username")
                    .flatMap(username -> lifecycle.createLegacyAccount(call.actor(), call.store(), username)),
                    ManageViews::issued);
        }
    }

    /**
     * Without {@code old_token_expires_in} the old token fails at once and the answer is as it always
     * was; with it the old token keeps working that long and the answer says until when.
     */
    void regenerateLegacy(ManageCall call) throws IOException {
        Optional<JsonNode> body = ManageJson.readObjectOrEmpty(call);
        if (body.isPresent()) {
            String username = LegacyAddress.username(call.path().segment(1));
            respond(call, 200, AccountBodies.optionalOldTokenLifetime(body.get()).flatMap(lifetime ->
                    lifecycle.regenerateLegacyToken(call.actor(), call.store(), username, lifetime.orElse(Duration.ZERO))
                            .map(issued -> lifetime.isPresent() ? ManageViews.regenerated(issued)
                                    : ManageViews.issued(issued))),
                    json -> json);
        }
    }

    void deleteLegacy(ManageCall call) throws IOException {
        respondNoContent(call, lifecycle.deleteLegacyAccount(call.actor(), call.store(),
                LegacyAddress.username(call.path().segment(1))));
    }
}
