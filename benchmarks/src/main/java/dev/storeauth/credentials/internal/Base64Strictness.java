package dev.storeauth.credentials.internal;

import dev.storeauth.credentials.internal.CanonicalBase64;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.codec.CodecPolicy;

/**
 * Prints which Basic credentials each decoder accepts: the project's {@link CanonicalBase64}, the
 * JDK's {@link Base64#getDecoder()}, and commons-codec's {@code Base64.decodeBase64} (lenient, its
 * default) and with {@link CodecPolicy#STRICT}. A main, not a benchmark; it runs in milliseconds:
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.storeauth.credentials.Base64Strictness
 * }</pre>
 */
public final class Base64Strictness {

    private Base64Strictness() {
    }

    public static void main(String[] args) {
        Map<String, Function<String, byte[]>> decoders = new LinkedHashMap<>();
        decoders.put("storeauth", text -> CanonicalBase64.decode(text, 0, text.length()));
        decoders.put("JDK", text -> Base64.getDecoder().decode(text));
        decoders.put("codec", org.apache.commons.codec.binary.Base64::decodeBase64);
        decoders.put("codec STRICT", text -> new org.apache.commons.codec.binary.Base64(0, null, false,
                CodecPolicy.STRICT).decode(text));
        System.out.println("| input | " + String.join(" | ", decoders.keySet()) + " |");
        System.out.println("| --- |" + " --- |".repeat(decoders.size()));
        cases().forEach((label, text) -> {
            StringBuilder row = new StringBuilder("| " + label + " `" + printable(text) + "` |");
            decoders.values().forEach(decoder -> row.append(' ').append(outcome(decoder, text)).append(" |"));
            System.out.println(row);
        });
    }

    /** Variations on {@code alice:s3cret} ({@code YWxpY2U6czNjcmV0}) and {@code alice:s3cret1}. */
    private static Map<String, String> cases() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("canonical", "YWxpY2U6czNjcmV0");
        cases.put("canonical, padded", "YWxpY2U6czNjcmV0MQ==");
        cases.put("padding left out", "YWxpY2U6czNjcmV0MQ");
        cases.put("non-zero bits under the padding", "YWxpY2U6czNjcmV0MR==");
        cases.put("a space inside", "YWxpY2U6 czNjcmV0");
        cases.put("a line break inside", "YWxpY2U6\r\nczNjcmV0");
        cases.put("URL-safe alphabet", "YWxpY2U6czNjcmV-");
        cases.put("a character outside any alphabet", "YWxpY2U6czNj*mV0");
        cases.put("a non-ASCII letter", "YWxpY2U6czNj\u0141mV0");
        cases.put("'=' inside", "YWxp=2U6czNjcmV0");
        cases.put("data after the padding", "YWxpY2U6czNjcmV0MQ==YQ==");
        cases.put("empty", "");
        return cases;
    }

    private static String outcome(Function<String, byte[]> decoder, String text) {
        try {
            byte[] bytes = decoder.apply(text);
            return bytes == null ? "refuses" : "accepts `" + printable(new String(bytes, StandardCharsets.ISO_8859_1)) + "`";
        } catch (IllegalArgumentException e) {
            return "refuses";
        }
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c)
                : String.format("\\u%04x", c)));
        return out.toString();
    }
}
