package dev.storeauth.servlet;

import dev.storeauth.auth.ApiRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/**
 * The headers of a servlet request, read from it on demand (the container matches names
 * case-insensitively). Not thread-safe beyond what the request itself is: use it on the request's
 * thread.
 */
final class ServletHeaders implements ApiRequest.Headers {

    private final HttpServletRequest request;

    ServletHeaders(HttpServletRequest request) {
        this.request = request;
    }

    @Override
    public List<String> values(String name) {
        Enumeration<String> values = request.getHeaders(name);
        if (values == null || !values.hasMoreElements()) {
            return List.of();
        }
        String first = values.nextElement();
        if (!values.hasMoreElements()) {
            return List.of(first);
        }
        List<String> all = new ArrayList<>();
        all.add(first);
        while (values.hasMoreElements()) {
            all.add(values.nextElement());
        }
        return all;
    }
}
