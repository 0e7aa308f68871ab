package dev.storeauth.servlet;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code application/x-www-form-urlencoded} body, parsed by the WHATWG URL rules in time linear
 * in its length: split on {@code &} (empty pieces skipped), name and value split at the first
 * {@code =} (no {@code =}: an empty value), {@code +} is a space, {@code %XX} a byte, and the bytes
 * of each name and value must be UTF-8. Stricter than WHATWG, which would pass a stray {@code %} through and
 * replace bad UTF-8: both are refused here, as is a body of more than {@code maxFields} fields.
 * Bound the body's length before parsing it (see {@link BoundedBodyReader}).
 *
 * <pre>{@code
 * if (FormBody.parse(bytes, 16) instanceof FormBody.Fields fields && fields.count("email") == 1) {
 *     String email = fields.first("email").orElseThrow();
 * }
 * }</pre>
 */
public sealed interface FormBody {

    /**
     * Parses {@code body}; never throws for any bytes.
     *
     * @param maxFields the most fields accepted, at least 1
     * @throws IllegalArgumentException if {@code maxFields} is below 1
     */
    static FormBody parse(byte[] body, int maxFields) {
        return FormDecoder.parse(body, maxFields);
    }

    /** The fields by name (no order), each name's values in body order; every list has at least one. */
    record Fields(Map<String, List<String>> values) implements FormBody {

        public Fields {
            // a HashMap, not Map.copyOf: its buckets stay logarithmic however the names collide
            Map<String, List<String>> copy = new HashMap<>();
            values.forEach((name, list) -> {
                if (list.isEmpty()) {
                    throw new IllegalArgumentException("field " + name + " has no value");
                }
                copy.put(Objects.requireNonNull(name, "name"), List.copyOf(list));
            });
            values = Collections.unmodifiableMap(copy);
        }

        /** The first value of {@code name}; empty when the body has no such field. */
        public Optional<String> first(String name) {
            List<String> all = values.get(name);
            return all == null ? Optional.empty() : Optional.of(all.get(0));
        }

        /** How many times {@code name} appears; 0 when it does not. */
        public int count(String name) {
            List<String> all = values.get(name);
            return all == null ? 0 : all.size();
        }

        /** Names only: a form can carry a password. */
        @Override
        public String toString() {
            return "Fields" + values.keySet();
        }
    }

    /** Not a form body; {@code detail} says what is wrong and where, without echoing any value. */
    record Invalid(String detail) implements FormBody {

        public Invalid {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
