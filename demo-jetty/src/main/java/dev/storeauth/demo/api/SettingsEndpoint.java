package dev.storeauth.demo.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeauth.demo.data.StoreSettings;
import dev.storeauth.demo.web.DemoProblem;
import dev.storeauth.demo.web.JsonResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/** {@code /v2/store}: reads and merges the store's Information &amp; Settings; the store id cannot change. */
final class SettingsEndpoint {

    private final StoreSettings settings;

    SettingsEndpoint(StoreSettings settings) {
        this.settings = settings;
    }

    void serve(HttpServletRequest request, HttpServletResponse response, ApiTarget target, ApiProblems problems)
            throws IOException {
        switch (StoreApiServlet.effectiveMethod(request)) {
            case "GET" -> write(response, problems, settings.read(target.storeHash()));
            case "PUT" -> update(request, response, target, problems);
            default -> StoreApiServlet.methodNotAllowed(response, problems, request.getMethod(), "GET, HEAD, PUT");
        }
    }

    private void update(HttpServletRequest request, HttpServletResponse response, ApiTarget target,
            ApiProblems problems) throws IOException {
        Optional<ObjectNode> body = ApiBodies.read(request, response, problems);
        if (body.isEmpty()) {
            return;
        }
        Optional<String> current = settings.read(target.storeHash());
        if (current.isEmpty()) {
            write(response, problems, current);
            return;
        }
        ObjectNode changes = body.get().deepCopy();
        changes.remove("id");
        ObjectNode merged = RecordViews.body(current.get()).setAll(changes);
        Optional<String> stored = ApiBodies.storable(response, problems, merged);
        if (stored.isPresent()) {
            settings.replace(target.storeHash(), stored.get());
            JsonResponses.write(response, 200, merged);
        }
    }

    private static void write(HttpServletResponse response, ApiProblems problems, Optional<String> info)
            throws IOException {
        if (info.isEmpty()) {
            problems.write(response, DemoProblem.NOT_FOUND.response("this store has no information"));
        } else {
            JsonResponses.write(response, 200, RecordViews.body(info.get()));
        }
    }
}
