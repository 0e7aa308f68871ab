package dev.storeauth.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * For handlers that refuse a request without reading its body, as the filter and the management
 * endpoints do. The container cannot reuse a connection with an unread body on it and drops it
 * after the answer; a keep-alive client that already pooled that connection then sends its next
 * request into a closed socket. Answering {@code Connection: close} tells it first.
 *
 * <pre>{@code
 * RequestBodies.closeIfUnread(request, response);
 * response.sendError(403);
 * }</pre>
 *
 * Stateless and thread-safe.
 */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** Whether {@code request} declares a body: a positive {@code Content-Length} or any {@code Transfer-Encoding}. */
    public static boolean declared(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /**
     * Sets {@code Connection: close} on {@code response} when {@code request} declares a body that
     * will go unread. Call before the response is committed; a committed response is left alone.
     */
    public static void closeIfUnread(HttpServletRequest request, HttpServletResponse response) {
        if (declared(request) && !response.isCommitted()) {
            response.setHeader("Connection", "close");
        }
    }
}
