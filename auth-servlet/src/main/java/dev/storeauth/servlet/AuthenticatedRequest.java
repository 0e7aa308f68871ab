package dev.storeauth.servlet;

import dev.storeauth.auth.AuthResult;
import dev.storeauth.policy.AccessLevel;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;

/**
 * A request that {@link StoreAuthFilter} let through. {@code isUserInRole("products:read-only")}
 * is true when the account holds at least that level on that resource ({@code modify} implies
 * {@code read-only}); any other role string is false.
 */
final class AuthenticatedRequest extends HttpServletRequestWrapper {

    private final AuthResult.Authenticated result;

    AuthenticatedRequest(HttpServletRequest request, AuthResult.Authenticated result) {
        super(request);
        this.result = result;
    }

    @Override
    public Principal getUserPrincipal() {
        return result.principal();
    }

    @Override
    public String getRemoteUser() {
        return result.principal().getName();
    }

    @Override
    public String getAuthType() {
        return result.principal().authType();
    }

    @Override
    public boolean isUserInRole(String role) {
        int colon = role == null ? -1 : role.lastIndexOf(':');
        if (colon <= 0) {
            return false;
        }
        return AccessLevel.fromWireName(role.substring(colon + 1))
                .filter(level -> level != AccessLevel.NONE)
                .map(level -> result.scopes().levelFor(role.substring(0, colon)).covers(level))
                .orElse(false);
    }
}
