package dev.storeauth.servlet.manage;

import dev.storeauth.servlet.TrustedProxies;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import java.util.Collections;

/** The init-params of {@link AccountManagementServlet}: {@value AccountManagementServlet#TRUSTED_PROXIES} only. */
final class ManageInitParams {

    private static final String NAME = AccountManagementServlet.TRUSTED_PROXIES;

    private ManageInitParams() {
    }

    /**
     * The trusted proxies {@code config} names, else {@code fallback}.
     *
     * @param inCode whether the constructor gave {@code fallback}, which the init-param must not repeat
     * @throws ServletException naming the parameter when it is unknown, invalid or given twice
     */
    static TrustedProxies trustedProxies(ServletConfig config, TrustedProxies fallback, boolean inCode)
            throws ServletException {
        for (String name : Collections.list(config.getInitParameterNames())) {
            if (!name.equals(NAME)) {
                throw failure(name + ": unknown init-param (known: " + NAME + ")", null);
            }
        }
        String proxies = config.getInitParameter(NAME);
        if (proxies == null) {
            return fallback;
        }
        if (inCode) {
            throw failure(NAME + ": given in the constructor already", null);
        }
        try {
            return TrustedProxies.parse(proxies);
        } catch (IllegalArgumentException e) {
            throw failure(NAME + ": " + e.getMessage(), e);
        }
    }

    private static ServletException failure(String message, Throwable cause) {
        return new ServletException("AccountManagementServlet: " + message, cause);
    }
}
