package dev.storeauth.demo.panel;

import dev.storeauth.demo.web.DemoProblem;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Serves the control panel's pages and assets under {@code /manage/}: {@code /manage/} redirects to
 * the Store API Accounts page; {@code /manage/activity} is the audit trail (its data is the owner's
 * only, which the management endpoint decides); {@code /manage/assets/{file}} are scripts and styles. A page asked
 * for without a signed-in session redirects to the sign-in page, which comes back after it.
 */
public final class PageServlet extends HttpServlet {

    private static final Map<String, String> PAGES = Map.of(
            "/api-accounts", "api-accounts.html",
            "/legacy-accounts", "legacy-accounts.html",
            "/activity", "activity.html");

    private final transient Pages pages = new Pages();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        if (path.equals("/")) {
            response.sendRedirect(request.getContextPath() + "/manage/api-accounts");
            return;
        }
        boolean asset = path.startsWith("/assets/");
        if (!asset && PAGES.containsKey(path) && PanelSession.user(request).isEmpty()) {
            response.sendRedirect("/manage/login?next=" + URLEncoder.encode("/manage" + path, StandardCharsets.UTF_8));
            return;
        }
        String file = asset ? path.substring("/assets/".length()) : PAGES.get(path);
        if (file == null || !pages.write(response, file)) {
            DemoProblem.NOT_FOUND.response("the control panel has /manage/api-accounts, /manage/legacy-accounts"
                    + " and /manage/activity")
                    .writeTo(response);
        }
    }
}
