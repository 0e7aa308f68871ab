package dev.storeauth.leak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.credentials.internal.SecretFormat;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.grant.ShortLivedTokens;
import dev.storeauth.policy.ResourceDefinition;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.policy.Scopes;
import dev.storeauth.repository.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * The README's "Token formats" table and checksum rule, read from the file, hold for generated tokens:
 * each kind's expression, short-lived tokens' included, finds its tokens in text and no other kind's,
 * its type is the one reports answer, and the rule as written computes the last six characters.
 */
class TokenFormatsReadmeTest {

    private static final Path README = Path.of("../README.md");
    private static final Pattern ROW = Pattern.compile("^\\| `(storeauth_[a-z_]+)` \\| [^|]+ \\| `(\\\\b(s[a-z]{2}_)[^`]+)` \\|$",
            Pattern.MULTILINE);
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final SecretGenerator generator = new SecretGenerator(new SecureRandom(new byte[] {7}));

    /** Expression by prefix, and type by prefix, from the README's table. */
    private static Map<String, String[]> table() throws Exception {
        String readme = Files.readString(README);
        String section = readme.substring(readme.indexOf("### Token formats"));
        Map<String, String[]> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(section.substring(0, section.indexOf("\n\n", section.indexOf("| ---"))));
        while (row.find()) {
            rows.put(row.group(3), new String[] {row.group(2), row.group(1)});
        }
        return rows;
    }

    @Test
    void everyKindHasARowWhoseExpressionFindsItsTokensAndNoOtherKinds() throws Exception {
        Map<String, String[]> table = table();
        assertEquals(SecretKind.values().length, table.size(), "one row per kind: " + table.keySet());
        for (Map.Entry<String, List<String>> kind : tokensByPrefix().entrySet()) {
            for (String token : kind.getValue()) {
                for (Map.Entry<String, String[]> row : table.entrySet()) {
                    Matcher found = Pattern.compile(row.getValue()[0]).matcher("API_TOKEN=" + token + "\n");
                    boolean own = row.getKey().equals(kind.getKey());
                    assertEquals(own, found.find(), row.getValue()[0] + " on " + token);
                    assertTrue(!own || found.group().equals(token), "finds the whole token");
                }
            }
            assertEquals(LeakReports.typeOf(kind.getValue().get(0)), table.get(kind.getKey())[1]);
        }
    }

    /** 500 generated tokens of each kind, short-lived ones included. */
    private Map<String, List<String>> tokensByPrefix() {
        Map<String, List<String>> tokens = new LinkedHashMap<>();
        for (SecretKind kind : SecretKind.values()) {
            for (int i = 0; i < 500; i++) {
                tokens.computeIfAbsent(kind.prefix(), k -> new ArrayList<>()).add(generator.generate(kind));
            }
        }
        return tokens;
    }

    @Test
    void theChecksumRuleAsWrittenGivesTheLastSixCharacters() throws Exception {
        String readme = Files.readString(README).replaceAll("\\s+", " ");
        for (String stated : new String[] {"CRC-32", "of every character before the checksum, as ASCII bytes",
            "most significant digit first", "left-padded with `0` to 6 digits", "`0-9A-Za-z`"}) {
            assertTrue(readme.contains(stated), "the README states: " + stated);
        }
        for (List<String> tokens : tokensByPrefix().values()) {
            for (String token : tokens) {
                int cut = token.length() - 6;
                assertEquals(byTheRule(token.substring(0, cut)), token.substring(cut), token);
            }
        }
    }

    @Test
    void aTokenWhoseChecksumBreaksTheRuleIsNotWellFormed() {
        String token = generator.generate(SecretKind.ACCESS_TOKEN);
        String broken = token.substring(0, 41) + (token.charAt(41) == '0' ? '1' : '0');

        assertFalse(SecretFormat.isWellFormed(SecretKind.ACCESS_TOKEN, broken));
        assertTrue(SecretFormat.isWellFormed(SecretKind.ACCESS_TOKEN, token));
    }

    /** The README's rule, written out independently of SecretFormat. */
    private static String byTheRule(String before) {
        CRC32 crc = new CRC32();
        crc.update(before.getBytes(StandardCharsets.US_ASCII));
        long n = crc.getValue();
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            digits.insert(0, ALPHABET.charAt((int) (n % 62)));
            n /= 62;
        }
        return digits.toString();
    }
}
