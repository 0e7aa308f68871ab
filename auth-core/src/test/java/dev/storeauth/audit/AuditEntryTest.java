package dev.storeauth.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AuditEntryTest {

    static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void detailsAreSortedByNameAndCopied() {
        AuditEntry entry = AuditEntry.of(AT, "owner", AuditAction.OAUTH_TOKEN_ROLLED, "abc").with("z", "1").with("a", "2");
        assertEquals(List.of("a", "z"), List.copyOf(entry.detail().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> entry.detail().put("b", "3"));
    }

    @Test
    void theBuildersSetAccountAndAddress() {
        AuditEntry entry = AuditEntry.of(AT, "owner", AuditAction.OAUTH_ACCOUNT_DELETED, "abc").forAccount("id-1")
                .from(Optional.of("203.0.113.5"));
        assertEquals(new AuditEntry(AT, "owner", AuditAction.OAUTH_ACCOUNT_DELETED, Optional.of("abc"),
                Optional.of("id-1"), Optional.of("203.0.113.5"), Map.of()), entry);
    }

    @Test
    void emptyOrOverlongTextsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> AuditEntry.of(AT, "", AuditAction.SIGN_IN_FAILED, "abc"));
        assertThrows(IllegalArgumentException.class, () -> AuditEntry.of(AT, "x".repeat(201), AuditAction.SIGN_IN_FAILED, "abc"));
        AuditEntry entry = AuditEntry.of(AT, "owner", AuditAction.SIGN_IN_FAILED, "abc");
        assertThrows(IllegalArgumentException.class, () -> entry.with("", "v"));
        assertThrows(IllegalArgumentException.class, () -> entry.with("k", "v".repeat(AuditEntry.MAX_DETAIL_VALUE + 1)));
        assertThrows(IllegalArgumentException.class, () -> entry.from(Optional.of("")));
    }

    @ParameterizedTest
    @EnumSource(AuditAction.class)
    void everyActionIsFoundByItsWireName(AuditAction action) {
        assertEquals(action, AuditAction.ofWireName(action.wireName()));
    }

    @Test
    void wireNamesAreUniqueAndAnUnknownOneIsRefused() {
        assertEquals(AuditAction.values().length,
                Arrays.stream(AuditAction.values()).map(AuditAction::wireName).distinct().count());
        assertThrows(IllegalArgumentException.class, () -> AuditAction.ofWireName("account.hacked"));
    }

    @Test
    void anEventIdIsPositive() {
        AuditEntry entry = AuditEntry.of(AT, "owner", AuditAction.SIGN_IN_SUCCEEDED, "abc");
        assertThrows(IllegalArgumentException.class, () -> new AuditEvent(0, entry));
        assertEquals(7, new AuditEvent(7, entry).id());
    }
}
