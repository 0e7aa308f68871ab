package dev.storeauth.demo.server;

import dev.storeauth.servlet.RequestBodies;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Answers {@code Connection: close} to every error status for a request that carried a body. A
 * handler that refuses a request (405, 403, 404, 413, 503, ...) seldom reads its body first; Jetty
 * then drops the connection once the answer is sent, and a keep-alive client that has already put
 * the connection back in its pool sends its next request into a closed socket. Saying so in the
 * answer lets the client open a new connection instead. Costs one reconnect after an error, none
 * after a success. Thread-safe.
 */
final class RefusedBodyFilter implements Filter {

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        boolean hasBody = RequestBodies.declared((HttpServletRequest) req);
        chain.doFilter(req, hasBody ? new ClosingOnError((HttpServletResponse) res) : res);
    }

    /** Adds {@code Connection: close} whenever the status set is 400 or above. */
    private static final class ClosingOnError extends HttpServletResponseWrapper {

        ClosingOnError(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int status) {
            closeOnError(status);
            super.setStatus(status);
        }

        @Override
        public void sendError(int status) throws IOException {
            closeOnError(status);
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            closeOnError(status);
            super.sendError(status, message);
        }

        private void closeOnError(int status) {
            if (status >= 400 && !isCommitted()) {
                setHeader("Connection", "close");
            }
        }
    }
}
