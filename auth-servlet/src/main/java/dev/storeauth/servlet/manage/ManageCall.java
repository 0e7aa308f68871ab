package dev.storeauth.servlet.manage;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One authenticated management request.
 *
 * @param request the servlet request
 * @param response the servlet response
 * @param actor the caller's user id, from the principal
 * @param path the parsed path
 */
record ManageCall(HttpServletRequest request, HttpServletResponse response, String actor, ManagePath path) {

    String store() {
        return path.storeHash();
    }
}
