package dev.storeauth.servlet.manage;

import dev.storeauth.lifecycle.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One authenticated management request.
 *
 * @param request the servlet request
 * @param response the servlet response
 * @param actor the caller: the principal's name and the client address
 * @param path the parsed path
 */
record ManageCall(HttpServletRequest request, HttpServletResponse response, Actor actor, ManagePath path) {

    String store() {
        return path.storeHash();
    }
}
