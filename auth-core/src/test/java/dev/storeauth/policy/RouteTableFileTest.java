package dev.storeauth.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A route table file is read once, at most 1 MiB, strictly UTF-8. */
class RouteTableFileTest {

    @TempDir
    Path dir;

    private Path write(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("routes.txt"), bytes);
    }

    @Test
    void aFileInTheTextFormReadsAsParseWouldReadIt() throws Exception {
        String text = "v2 /orders orders # the v2 orders\n";
        RouteTable read = RouteTable.read(write(text.getBytes(StandardCharsets.UTF_8)), ScopeCatalogue.defaults());

        assertEquals(RouteTable.parse(text, ScopeCatalogue.defaults()).match(ApiVersion.V2, "/orders/7", 0),
                read.match(ApiVersion.V2, "/orders/7", 0));
    }

    @Test
    void aFileOverOneMebibyteIsRefusedSayingSo() throws Exception {
        byte[] bytes = ("#" + " ".repeat(RouteTable.MAX_FILE_BYTES)).getBytes(StandardCharsets.UTF_8);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RouteTable.read(write(bytes), ScopeCatalogue.defaults()));
        assertEquals("larger than 1048576 bytes", refused.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedSayingSo() throws Exception {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RouteTable.read(write(new byte[] {'#', ' ', (byte) 0xff, '\n'}), ScopeCatalogue.defaults()));
        assertEquals("not UTF-8", refused.getMessage());
    }

    @Test
    void aBadLineIsNamedByItsNumber() throws Exception {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> RouteTable.read(
                write("v2 /orders orders\nnonsense\n".getBytes(StandardCharsets.UTF_8)), ScopeCatalogue.defaults()));
        assertTrue(refused.getMessage().contains("2"), refused.getMessage());
    }

    @Test
    void aMissingFileIsAnIoException() {
        assertThrows(IOException.class, () -> RouteTable.read(dir.resolve("absent.txt"), ScopeCatalogue.defaults()));
    }
}
