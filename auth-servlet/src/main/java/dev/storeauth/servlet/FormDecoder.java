package dev.storeauth.servlet;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link FormBody#parse}: one pass over the bytes, each byte looked at a constant number of times. */
final class FormDecoder {

    private FormDecoder() {
    }

    static FormBody parse(byte[] body, int maxFields) {
        if (maxFields < 1) {
            throw new IllegalArgumentException("maxFields must be at least 1: " + maxFields);
        }
        Map<String, List<String>> fields = new HashMap<>();
        int count = 0;
        for (int start = 0; start <= body.length; ) {
            int end = indexOf(body, (byte) '&', start, body.length);
            if (end > start) {
                if (++count > maxFields) {
                    return new FormBody.Invalid("the form has more than " + maxFields + " fields");
                }
                int equals = indexOf(body, (byte) '=', start, end);
                try {
                    String name = decode(body, start, equals, count, "name");
                    String value = equals < end ? decode(body, equals + 1, end, count, "value") : "";
                    fields.computeIfAbsent(name, key -> new ArrayList<>(1)).add(value);
                } catch (MalformedField e) {
                    return new FormBody.Invalid(e.getMessage());
                }
            }
            start = end + 1;
        }
        return new FormBody.Fields(fields);
    }

    /**
     * One form-urlencoded component on its own (as RFC 6749 section 2.3.1 has the client ID and
     * secret encoded inside HTTP Basic), by the same rules as a field's name or value; empty when it
     * is not well-formed.
     */
    static Optional<String> decodeComponent(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            return Optional.of(decode(bytes, 0, bytes.length, 1, "value"));
        } catch (MalformedField e) {
            return Optional.empty();
        }
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return to;
    }

    private static String decode(byte[] body, int from, int to, int field, String part) throws MalformedField {
        byte[] bytes = new byte[to - from];
        int length = 0;
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '%') {
                int high = i + 2 < to ? Character.digit(body[i + 1], 16) : -1;
                int low = high >= 0 ? Character.digit(body[i + 2], 16) : -1;
                if (low < 0) {
                    throw new MalformedField("invalid percent-encoding in field " + field + "'s " + part
                            + " at byte " + i + ": '%' must be followed by two hexadecimal digits");
                }
                b = (byte) (high << 4 | low);
                i += 2;
            } else if (b == '+') {
                b = ' ';
            }
            bytes[length++] = b;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedField("field " + field + "'s " + part + " is not UTF-8 once percent-decoded");
        }
    }

    /** A field that cannot be decoded; carries the detail, no stack trace. */
    private static final class MalformedField extends Exception {

        MalformedField(String detail) {
            super(detail, null, false, false);
        }
    }
}
