package dev.storeauth.demo.panel;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The control panel's static files, read once from the class path. Thread-safe. */
final class Pages {

    private static final String ROOT = "/dev/storeauth/demo/panel/";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=utf-8",
            "js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "svg", "image/svg+xml");

    private final Map<String, Optional<byte[]>> loaded = new ConcurrentHashMap<>();

    /** Writes file {@code name} (e.g. {@code login.html}); whether it exists. */
    boolean write(HttpServletResponse response, String name) throws IOException {
        if (!name.matches("[a-z][a-z0-9-]*\\.(html|js|css|svg)")) {
            return false;
        }
        Optional<byte[]> bytes = loaded.computeIfAbsent(name, Pages::load);
        if (bytes.isEmpty()) {
            return false;
        }
        response.setStatus(200);
        response.setContentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(bytes.get().length);
        response.getOutputStream().write(bytes.get());
        return true;
    }

    private static Optional<byte[]> load(String name) {
        try (InputStream in = Pages.class.getResourceAsStream(ROOT + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + name + " from the class path failed", e);
        }
    }
}
