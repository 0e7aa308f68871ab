package dev.storeauth.credentials.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    @Test
    void toStringShowsTheUsernameButNeverTheToken() {
        String shown = new BasicCredentials("alice", "slt_verysecret").toString();

        assertTrue(shown.contains("alice"), shown);
        assertFalse(shown.contains("verysecret"), shown);
    }

    @Test
    void rejectsEmptyParts() {
        assertThrows(IllegalArgumentException.class, () -> new BasicCredentials("", "token"));
        assertThrows(IllegalArgumentException.class, () -> new BasicCredentials("alice", ""));
    }
}
