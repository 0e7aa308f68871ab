package dev.storeauth.demo.panel;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.security.Principal;
import java.util.Optional;

/**
 * Makes the signed-in control-panel user the request's principal, which is how
 * {@code AccountManagementServlet} learns who is asking. Without a session the principal stays
 * {@code null}, and the servlet answers 401.
 */
public final class SessionPrincipalFilter implements Filter {

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        Optional<String> user = PanelSession.user(request);
        chain.doFilter(user.isEmpty() ? request : new HttpServletRequestWrapper(request) {
            @Override
            public Principal getUserPrincipal() {
                return user::get;
            }

            @Override
            public String getRemoteUser() {
                return user.get();
            }

            @Override
            public String getAuthType() {
                return "FORM";
            }
        }, res);
    }
}
