package dev.storeauth.demo.panel;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.storeauth.demo.web.JsonResponses;
import dev.storeauth.servlet.BoundedBodyReader;
import dev.storeauth.servlet.FormBody;
import java.io.IOException;

/** The two sign-in body formats, parsed from the bytes {@link LoginForm} has read. Thread-safe. */
final class LoginBodies {

    /** Shared by every sign-in. */
    static final BoundedBodyReader READER = new BoundedBodyReader(LoginForm.MAX_BYTES, LoginForm.DEADLINE);

    private static final ObjectReader JSON = JsonResponses.MAPPER.reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private LoginBodies() {
    }

    /** Form fields: each of {@code email} and {@code password} at most once. */
    static LoginForm form(byte[] body) {
        FormBody parsed = FormBody.parse(body, LoginForm.MAX_FIELDS);
        if (parsed instanceof FormBody.Invalid invalid) {
            return new LoginForm.Invalid(400, invalid.detail());
        }
        FormBody.Fields fields = (FormBody.Fields) parsed;
        for (String name : new String[] {"email", "password"}) {
            if (fields.count(name) > 1) {
                return new LoginForm.Invalid(400, name + " is given more than once");
            }
        }
        return LoginForm.of(fields.first("email").orElse(null), fields.first("password").orElse(null));
    }

    /** A JSON object with string members {@code email} and {@code password}; a repeated member is refused. */
    static LoginForm json(byte[] body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return new LoginForm.Invalid(400, "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return new LoginForm.Invalid(400, "the body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            return new LoginForm.Invalid(400, "the body must be a JSON object");
        }
        return LoginForm.of(text(node.get("email")), text(node.get("password")));
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }
}
