/**
 * storeauth for Jakarta Servlet 6 containers: the {@link dev.storeauth.servlet.StoreAuthFilter}
 * (in code or from {@code web.xml}), bounded pre-authentication body reading, RFC 9457 problem
 * responses, the client-credentials token endpoint, the account management endpoints
 * ({@code dev.storeauth.servlet.manage}) and GitHub secret scanning's leaked-token endpoint
 * ({@code dev.storeauth.servlet.leak}).
 */
module dev.storeauth.servlet {
    requires transitive dev.storeauth.core;
    requires transitive jakarta.servlet;
    requires transitive com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires java.naming;

    exports dev.storeauth.servlet;
    exports dev.storeauth.servlet.leak;
    exports dev.storeauth.servlet.manage;
}
