package dev.storeauth.demo.api;

import dev.storeauth.policy.ApiVersion;
import dev.storeauth.servlet.ErrorFormat;
import dev.storeauth.servlet.ProblemResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * Writes the store API's problems in the demo's {@link ErrorFormat}, in the shape of the path's API
 * version (the platform's v2 and v3 shapes differ).
 *
 * @param format the configured format
 * @param version the version of the path being answered
 */
record ApiProblems(ErrorFormat format, ApiVersion version) {

    ApiProblems {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(version, "version");
    }

    /** For a path info {@code /{hash}/{version}/...}: v2 when its version segment says so, else v3. */
    static ApiProblems forPath(ErrorFormat format, String pathInfo) {
        boolean v2 = pathInfo != null && pathInfo.matches("/[^/]*/v2(/.*)?");
        return new ApiProblems(format, v2 ? ApiVersion.V2 : ApiVersion.V3);
    }

    void write(HttpServletResponse response, ProblemResponse problem) throws IOException {
        problem.writeTo(response, format, version);
    }
}
