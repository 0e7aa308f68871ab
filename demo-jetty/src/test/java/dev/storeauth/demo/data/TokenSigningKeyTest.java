package dev.storeauth.demo.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token signing key: made owner-only on first start, the same key read on every start after. */
class TokenSigningKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void theFirstStartGeneratesAnOwnerOnlyKeyThatLaterStartsRead() throws IOException {
        byte[] first = TokenSigningKey.loadOrCreate(dataDir);
        byte[] again = TokenSigningKey.loadOrCreate(dataDir);

        assertEquals(32, first.length);
        assertArrayEquals(first, again);
        Path file = dataDir.resolve(TokenSigningKey.FILE_NAME);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        try (var entries = Files.list(dataDir)) {
            assertEquals(List.of(file), entries.toList(), "no partial file is left behind");
        }
    }

    @Test
    void aKeyFileCopiedFromAnotherNodeIsUsedAsItIs() throws IOException {
        Files.writeString(dataDir.resolve(TokenSigningKey.FILE_NAME), "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8\n");
        byte[] key = TokenSigningKey.loadOrCreate(dataDir);
        assertEquals(31, key[31]);
    }

    @Test
    void aDamagedKeyFileFailsTheStartNamingIt() throws IOException {
        Files.writeString(dataDir.resolve(TokenSigningKey.FILE_NAME), "c2hvcnQ\n");
        IOException tooShort = assertThrows(IOException.class, () -> TokenSigningKey.loadOrCreate(dataDir));
        assertTrue(tooShort.getMessage().contains(TokenSigningKey.FILE_NAME) && tooShort.getMessage().contains("5 bytes"),
                tooShort.getMessage());
        Files.writeString(dataDir.resolve(TokenSigningKey.FILE_NAME), "not base64!\n");
        IOException garbled = assertThrows(IOException.class, () -> TokenSigningKey.loadOrCreate(dataDir));
        assertTrue(garbled.getMessage().contains(TokenSigningKey.FILE_NAME), garbled.getMessage());
    }
}
