package dev.storeauth.demo.server;

import dev.storeauth.demo.web.DemoProblem;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /} goes to the control panel; any other unmapped path is a 404 problem. */
final class RootServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getRequestURI().equals("/") && request.getMethod().equals("GET")) {
            response.sendRedirect("/manage/");
            return;
        }
        DemoProblem.NOT_FOUND.response("the demo serves the control panel at /manage/ and the store API at"
                + " /stores/{store_hash}/").writeTo(response);
    }
}
