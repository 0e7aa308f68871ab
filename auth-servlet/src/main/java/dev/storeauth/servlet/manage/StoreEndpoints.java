package dev.storeauth.servlet.manage;

import static dev.storeauth.servlet.manage.ManageReplies.respond;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeauth.lifecycle.AccountLifecycle;
import java.io.IOException;
import java.util.Optional;

/** The store endpoints: its audit trail and its credential policy. */
final class StoreEndpoints {

    private final AccountLifecycle lifecycle;

    StoreEndpoints(AccountLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    void auditEvents(ManageCall call) throws IOException {
        respond(call, 200, AuditQuery.parse(call.request().getQueryString()).flatMap(query ->
                lifecycle.auditEvents(call.actor(), call.store(), query.limit(), query.before())
                        .map(events -> StoreViews.auditPage(events, query.limit()))),
                page -> page);
    }

    void policy(ManageCall call) throws IOException {
        respond(call, 200, lifecycle.credentialPolicy(call.actor(), call.store()), StoreViews::policy);
    }

    void setPolicy(ManageCall call) throws IOException {
        Optional<JsonNode> body = ManageJson.readObject(call);
        if (body.isPresent()) {
            respond(call, 200, PolicyBody.policy(body.get())
                    .flatMap(policy -> lifecycle.setCredentialPolicy(call.actor(), call.store(), policy)),
                    StoreViews::policy);
        }
    }
}
