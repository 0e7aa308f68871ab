package dev.storeauth.lifecycle;

import static dev.storeauth.lifecycle.AccountLifecycleTest.OWNER;
import static dev.storeauth.lifecycle.AccountLifecycleTest.STORE;
import static dev.storeauth.lifecycle.AccountLifecycleTest.done;
import static dev.storeauth.lifecycle.AccountLifecycleTest.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What names an account may be created with: nothing a URL path segment cannot carry, and nothing
 * that changes how text around it is shown (line breaks, bidi controls, invisible characters).
 * Code points are written as hex so that the table itself shows what it tests.
 */
class AccountNameRulesTest {

    final AccountLifecycleTest fixture = new AccountLifecycleTest();
    final AccountLifecycle lifecycle = fixture.lifecycle;

    /** {@code "Stock" + <cp> + "sync"}. */
    static String around(String hex) {
        return "Stock" + Character.toString(Integer.parseInt(hex, 16)) + "sync";
    }

    Outcome.Refused<?> refusedName(String name) {
        Outcome.Refused<?> refused = refused(lifecycle.createOAuthAccount(Actor.of(OWNER), STORE, name, Map.of()),
                Outcome.Refusal.INVALID);
        assertEquals("name", refused.field());
        assertEquals(0, fixture.repository.oauthAccounts(STORE).size());
        return refused;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2028  | LINE SEPARATOR",
            "2029  | PARAGRAPH SEPARATOR",
            "202A  | LEFT-TO-RIGHT EMBEDDING",
            "202B  | RIGHT-TO-LEFT EMBEDDING",
            "202C  | POP DIRECTIONAL FORMATTING",
            "202D  | LEFT-TO-RIGHT OVERRIDE",
            "202E  | RIGHT-TO-LEFT OVERRIDE",
            "2066  | LEFT-TO-RIGHT ISOLATE",
            "2067  | RIGHT-TO-LEFT ISOLATE",
            "2068  | FIRST STRONG ISOLATE",
            "2069  | POP DIRECTIONAL ISOLATE",
            "200E  | LEFT-TO-RIGHT MARK",
            "200F  | RIGHT-TO-LEFT MARK",
            "061C  | ARABIC LETTER MARK",
            "200B  | ZERO WIDTH SPACE",
            "200C  | ZERO WIDTH NON-JOINER",
            "200D  | ZERO WIDTH JOINER",
            "2060  | WORD JOINER",
            "FEFF  | ZERO WIDTH NO-BREAK SPACE",
            "00AD  | SOFT HYPHEN",
            "E0041 | TAG LATIN CAPITAL LETTER A",
            "0000  | NULL",
            "0009  | CHARACTER TABULATION",
            "000A  | LINE FEED (LF)",
            "000D  | CARRIAGE RETURN (CR)",
            "001B  | ESCAPE",
            "007F  | DELETE",
            "0085  | NEXT LINE (NEL)",
            "009B  | CONTROL SEQUENCE INTRODUCER"})
    void oauthNameWithACharacterThatChangesHowTextIsShownIsRefusedNamingIt(String hex, String unicodeName) {
        String code = String.format("U+%04X", Integer.parseInt(hex, 16));
        assertEquals("name must not contain " + code + " " + unicodeName, refusedName(around(hex)).detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"D800", "DBFF", "DC00", "DFFF"})
    void oauthNameWithAnUnpairedSurrogateIsRefusedBecausePostgresqlWouldStoreAQuestionMark(String hex) {
        assertEquals("name must not contain an unpaired surrogate U+" + hex, refusedName(around(hex)).detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Stock sync", "Caf\u00e9 \u2615 sync", "\u65e5\u672c\u8a9e\u306e\u9023\u643a",
            "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd", "emoji \ud83d\ude00 sync", "heart \u2764\ufe0f!",
            "e\u0301e\u0301e\u0301e\u0301", "100% + ; / ? # & = \\ \"", "no\u00a0break\u202fspace",
            "  Padded  ", "<script>alert(1)</script>"})
    void oauthNameOfPrintableTextIsAcceptedStripped(String name) {
        assertEquals(name.strip(), done(lifecycle.createOAuthAccount(Actor.of(OWNER), STORE, name, Map.of())).account().name());
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 101})
    void oauthNameOfTheWrongLengthIsRefusedWithTheBounds(int length) {
        assertEquals("name must be 4-100 characters", refusedName("n".repeat(length)).detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {".", ".."})
    void legacyUsernameThatIsADotSegmentIsRefusedBecauseNoUrlPathCanAddressIt(String username) {
        Outcome.Refused<?> refused = refused(lifecycle.createLegacyAccount(Actor.of(OWNER), STORE, username), Outcome.Refusal.INVALID);
        assertEquals("username", refused.field());
        assertEquals("username must not be . or .. (a URL path cannot address it)", refused.detail());
        assertEquals(0, fixture.repository.legacyAccounts(STORE).size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0020  | SPACE",
            "002F  | SOLIDUS",
            "0025  | PERCENT SIGN",
            "003B  | SEMICOLON",
            "003A  | COLON",
            "00F6  | LATIN SMALL LETTER O WITH DIAERESIS",
            "2028  | LINE SEPARATOR",
            "202E  | RIGHT-TO-LEFT OVERRIDE",
            "200B  | ZERO WIDTH SPACE",
            "0000  | NULL",
            "0085  | NEXT LINE (NEL)"})
    void legacyUsernameWithACharacterOutsideItsGrammarIsRefusedNamingIt(String hex, String unicodeName) {
        String code = String.format("U+%04X", Integer.parseInt(hex, 16));
        Outcome.Refused<?> refused = refused(lifecycle.createLegacyAccount(Actor.of(OWNER), STORE, around(hex)), Outcome.Refusal.INVALID);
        assertEquals("username", refused.field());
        assertEquals("username must not contain " + code + " " + unicodeName
                + " (allowed: letters, digits and . _ @ + -)", refused.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"...", ".a", "a.", "a..b", "+", "@", "_", "-", "-.-", "me+shop@example.com",
            "a234567890123456789012345678901234567890123456789012345678901234"})
    void legacyUsernameOfTheGrammarIsAccepted(String username) {
        assertEquals(username, done(lifecycle.createLegacyAccount(Actor.of(OWNER), STORE, username)).account().username());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bob\u2028", "bob\u202e", "bo b", "\u0000"})
    void aNotFoundForALegacyUsernameNoAccountCanHaveDoesNotEchoIt(String username) {
        for (Outcome<?> outcome : List.of(lifecycle.regenerateLegacyToken(Actor.of(OWNER), STORE, username),
                lifecycle.deleteLegacyAccount(Actor.of(OWNER), STORE, username))) {
            assertEquals("no legacy API account with that username in store abc123",
                    refused(outcome, Outcome.Refusal.NOT_FOUND).detail());
        }
        assertEquals("no legacy API account ghost in store abc123",
                refused(lifecycle.deleteLegacyAccount(Actor.of(OWNER), STORE, "ghost"), Outcome.Refusal.NOT_FOUND).detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"id\u2028", "id\u202e", "\u0000"})
    void aNotFoundForAnOAuthIdNoAccountCanHaveDoesNotEchoIt(String id) {
        assertEquals("no OAuth API account with that id in store abc123",
                refused(lifecycle.deleteOAuthAccount(Actor.of(OWNER), STORE, id), Outcome.Refusal.NOT_FOUND).detail());
    }
}
