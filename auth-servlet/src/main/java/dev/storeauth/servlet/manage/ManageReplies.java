package dev.storeauth.servlet.manage;

import dev.storeauth.lifecycle.Outcome;
import java.io.IOException;
import java.util.function.Function;

/** A lifecycle outcome as a response: the value as JSON, or the refusal as a problem naming the field. */
final class ManageReplies {

    private ManageReplies() {
    }

    /** {@code status} with {@code body} of the value, or the refusal's problem. */
    static <T> void respond(ManageCall call, int status, Outcome<T> outcome, Function<T, Object> body)
            throws IOException {
        if (outcome instanceof Outcome.Refused<T> refused) {
            refuse(call, refused);
        } else {
            ManageJson.write(call.response(), status, body.apply(((Outcome.Done<T>) outcome).value()));
        }
    }

    /** 204 has no body: what was deleted goes unsaid. */
    static void respondNoContent(ManageCall call, Outcome<?> outcome) throws IOException {
        if (outcome instanceof Outcome.Refused<?> refused) {
            refuse(call, refused);
        } else {
            call.response().setStatus(204);
            call.response().setHeader("Cache-Control", "no-store");
        }
    }

    private static void refuse(ManageCall call, Outcome.Refused<?> refused) throws IOException {
        problemFor(refused.reason()).response(refused.detail(), refused.field()).writeTo(call.response());
    }

    static ManageProblem problemFor(Outcome.Refusal reason) {
        return switch (reason) {
            case NOT_OWNER -> ManageProblem.NOT_OWNER;
            case INVALID -> ManageProblem.INVALID_REQUEST;
            case LIMIT_REACHED -> ManageProblem.LIMIT_REACHED;
            case DUPLICATE -> ManageProblem.DUPLICATE;
            case NOT_FOUND -> ManageProblem.NOT_FOUND;
            case CONFLICT -> ManageProblem.CONFLICT;
        };
    }
}
