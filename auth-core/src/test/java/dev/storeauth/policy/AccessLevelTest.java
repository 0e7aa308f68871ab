package dev.storeauth.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccessLevelTest {

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD"})
    void readOnlyPermitsSafeMethods(String method) {
        assertEquals(AccessLevel.READ_ONLY, AccessLevel.requiredFor(method));
        assertTrue(AccessLevel.READ_ONLY.permits(method));
        assertTrue(AccessLevel.MODIFY.permits(method));
        assertFalse(AccessLevel.NONE.permits(method));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "get", "head", "PROPFIND"})
    void everyOtherMethodNeedsModify(String method) {
        assertEquals(AccessLevel.MODIFY, AccessLevel.requiredFor(method));
        assertTrue(AccessLevel.MODIFY.permits(method));
        assertFalse(AccessLevel.READ_ONLY.permits(method));
        assertFalse(AccessLevel.NONE.permits(method));
    }

    @ParameterizedTest
    @CsvSource({
        "NONE, NONE, true", "NONE, READ_ONLY, false", "NONE, MODIFY, false",
        "READ_ONLY, NONE, true", "READ_ONLY, READ_ONLY, true", "READ_ONLY, MODIFY, false",
        "MODIFY, NONE, true", "MODIFY, READ_ONLY, true", "MODIFY, MODIFY, true"})
    void coversItsOwnLevelAndEveryLowerOne(AccessLevel held, AccessLevel required, boolean covers) {
        assertEquals(covers, held.covers(required));
    }

    @ParameterizedTest
    @CsvSource({"none,NONE", "read-only,READ_ONLY", "modify,MODIFY"})
    void roundTripsWireNames(String wire, AccessLevel level) {
        assertEquals(wire, level.wireName());
        assertEquals(Optional.of(level), AccessLevel.fromWireName(wire));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Modify", "READ-ONLY", "read_only", "write", "READ_ONLY"})
    void readsNoOtherWireName(String wire) {
        assertEquals(Optional.empty(), AccessLevel.fromWireName(wire));
    }
}
