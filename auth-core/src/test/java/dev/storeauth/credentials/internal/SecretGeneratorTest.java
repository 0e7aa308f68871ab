package dev.storeauth.credentials.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SecretGeneratorTest {

    private final SecretGenerator generator = new SecretGenerator();

    @ParameterizedTest
    @EnumSource(SecretKind.class)
    void generatesWellFormedValuesWithTheKindsPrefix(SecretKind kind) {
        String value = generator.generate(kind);

        assertTrue(value.startsWith(kind.prefix()), value);
        assertEquals(SecretFormat.LENGTH, value.length());
        assertEquals(42, value.length());
        assertTrue(SecretFormat.isWellFormed(kind, value), value);
    }

    @Test
    void usesOnlyTheBase62AlphabetAfterThePrefix() {
        for (int i = 0; i < 1_000; i++) {
            String body = generator.generate(SecretKind.ACCESS_TOKEN).substring(4);
            assertTrue(body.matches("[0-9A-Za-z]{38}"), body);
        }
    }

    @Test
    void generatesDistinctValues() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(generator.generate(SecretKind.ACCESS_TOKEN));
        }
        assertEquals(10_000, seen.size());
    }

    @Test
    void drawsEveryAlphabetCharacter() {
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String value = generator.generate(SecretKind.CLIENT_SECRET);
            for (char c : value.substring(4, 4 + SecretFormat.RANDOM_LENGTH).toCharArray()) {
                seen.add(c);
            }
        }
        assertEquals(SecretFormat.ALPHABET.length(), seen.size());
    }
}
