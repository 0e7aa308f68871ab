package dev.storeauth.demo.panel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeauth.servlet.BoundedBodyReader;
import dev.storeauth.servlet.FormBody;
import dev.storeauth.servlet.JsonBodyReader;

/** The two sign-in body formats, parsed from the bytes {@link LoginForm} has read. Thread-safe. */
final class LoginBodies {

    /** Shared by every sign-in. */
    static final BoundedBodyReader READER = new BoundedBodyReader(LoginForm.MAX_BYTES, LoginForm.DEADLINE);

    /** A sign-in object is flat: two strings. */
    private static final JsonBodyReader JSON = new JsonBodyReader(LoginForm.MAX_BYTES, 1);

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

    /**
     * A flat JSON object with string members {@code email} and {@code password}, read by the same
     * strict reader as every other JSON body: a repeated member, nesting or a number out of range is
     * refused naming the field.
     */
    static LoginForm json(byte[] body) {
        JsonBodyReader.Result parsed = JSON.parse(body);
        if (parsed instanceof JsonBodyReader.Refused refused) {
            return new LoginForm.Invalid(refused.status(), refused.detail());
        }
        JsonNode node = ((JsonBodyReader.Read) parsed).json();
        return LoginForm.of(text(node.get("email")), text(node.get("password")));
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }
}
