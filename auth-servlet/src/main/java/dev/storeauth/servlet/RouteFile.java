package dev.storeauth.servlet;

import dev.storeauth.policy.RouteTable;
import dev.storeauth.policy.ScopeCatalogue;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * A route table in a file named by an init-param, read by {@link RouteTable#read} over the platform's
 * catalogue. Stateless.
 */
final class RouteFile {

    private RouteFile() {
    }

    /**
     * @throws IllegalArgumentException starting with {@code name}: the file cannot be read, is too
     *     large or not UTF-8, or a line is bad (its number given)
     */
    static RouteTable read(String name, String file) {
        try {
            return RouteTable.read(Path.of(file), ScopeCatalogue.defaults());
        } catch (InvalidPathException | IOException e) {
            throw new IllegalArgumentException(name + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + file + ": " + e.getMessage(), e);
        }
    }
}
