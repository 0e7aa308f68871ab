package dev.storeauth.servlet.manage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeauth.lifecycle.AccountLifecycle;
import dev.storeauth.lifecycle.Outcome;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The endpoint implementations: input to the lifecycle, its outcome to a response. */
final class ManageEndpoints {

    private final AccountLifecycle lifecycle;

    ManageEndpoints(AccountLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    void listOAuth(ManageCall call) throws IOException {
        respond(call, 200, lifecycle.oauthAccounts(call.actor(), call.store()),
                views -> views.stream().map(ManageViews::oauth).toList());
    }

    void createOAuth(ManageCall call) throws IOException {
        Optional<JsonNode> body = ManageJson.readObject(call);
        if (body.isPresent()) {
            respond(call, 201, ManageBodies.string(body.get(), "name")
                    .flatMap(name -> ManageBodies.scopes(body.get())
                    .flatMap(scopes -> lifecycle.createOAuthAccount(call.actor(), call.store(), name, scopes))),
                    ManageViews::created);
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

    void regenerateLegacy(ManageCall call) throws IOException {
        respond(call, 200, lifecycle.regenerateLegacyToken(call.actor(), call.store(),
                LegacyAddress.username(call.path().segment(1))),
                ManageViews::issued);
    }

    void deleteLegacy(ManageCall call) throws IOException {
        respondNoContent(call, lifecycle.deleteLegacyAccount(call.actor(), call.store(),
                LegacyAddress.username(call.path().segment(1))));
    }

    private static <T> void respond(ManageCall call, int status, Outcome<T> outcome, Function<T, Object> body)
            throws IOException {
        if (outcome instanceof Outcome.Refused<T> refused) {
            refuse(call, refused);
        } else {
            ManageJson.write(call.response(), status, body.apply(((Outcome.Done<T>) outcome).value()));
        }
    }

    /** 204 has no body: what was deleted goes unsaid. */
    private static void respondNoContent(ManageCall call, Outcome<?> outcome) throws IOException {
        if (outcome instanceof Outcome.Refused<?> refused) {
            refuse(call, refused);
        } else {
            call.response().setStatus(204);
            call.response().setHeader("Cache-Control", "no-store");
        }
    }

    private static void refuse(ManageCall call, Outcome.Refused<?> refused) throws IOException {
        problemFor(refused).response(refused.detail(), refused.field()).writeTo(call.response());
    }

    private static ManageProblem problemFor(Outcome.Refused<?> refused) {
        return switch (refused.reason()) {
            case NOT_OWNER -> ManageProblem.NOT_OWNER;
            case INVALID -> ManageProblem.INVALID_REQUEST;
            case LIMIT_REACHED -> ManageProblem.LIMIT_REACHED;
            case DUPLICATE -> ManageProblem.DUPLICATE;
            case NOT_FOUND -> ManageProblem.NOT_FOUND;
        };
    }
}
