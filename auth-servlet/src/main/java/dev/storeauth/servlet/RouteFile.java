package dev.storeauth.servlet;

import dev.storeauth.policy.RouteTable;
import dev.storeauth.policy.ScopeCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * A route table in a file, in {@link RouteTable#parse} form over the platform's catalogue: UTF-8, at
 * most {@value #MAX_BYTES} bytes. Stateless.
 */
final class RouteFile {

    static final int MAX_BYTES = 1 << 20;

    private RouteFile() {
    }

    /**
     * @throws IllegalArgumentException starting with {@code name}: the file cannot be read, is too
     *     large or not UTF-8, or a line is bad (its number given)
     */
    static RouteTable read(String name, String file) {
        try {
            return RouteTable.parse(text(Path.of(file)), ScopeCatalogue.defaults());
        } catch (InvalidPathException | IOException e) {
            throw new IllegalArgumentException(name + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + file + ": " + e.getMessage(), e);
        }
    }

    private static String text(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IllegalArgumentException("larger than " + MAX_BYTES + " bytes");
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8");
        }
    }
}
