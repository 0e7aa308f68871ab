package dev.storeauth.servlet;

import dev.storeauth.policy.RouteTable;
import dev.storeauth.policy.ScopeCatalogue;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * A route table in a file named by an init-param, read by {@link RouteTable#read} over the catalogue
 * init-param {@code scope-catalogue} names. Stateless.
 */
final class RouteFile {

    private RouteFile() {
    }

    /**
     * The catalogue {@code storeauth} or {@code platform} names.
     *
     * @throws IllegalArgumentException for any other value
     */
    static ScopeCatalogue catalogue(String value) {
        return switch (value) {
            case "storeauth" -> ScopeCatalogue.defaults();
            case "platform" -> ScopeCatalogue.platform();
            default -> throw new IllegalArgumentException("expected storeauth or platform, got '" + value + "'");
        };
    }

    /**
     * @throws IllegalArgumentException starting with {@code name}: the file cannot be read, is too
     *     large or not UTF-8, or a line is bad (its number given)
     */
    static RouteTable read(String name, String file, ScopeCatalogue catalogue) {
        try {
            return RouteTable.read(Path.of(file), catalogue);
        } catch (InvalidPathException | IOException e) {
            throw new IllegalArgumentException(name + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + file + ": " + e.getMessage(), e);
        }
    }
}
