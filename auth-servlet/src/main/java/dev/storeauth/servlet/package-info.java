/**
 * The drop-in {@link jakarta.servlet.Filter}: {@link dev.storeauth.servlet.StoreAuthFilter} guards a
 * store API with the core {@link dev.storeauth.auth.Authenticator}, configured either from
 * {@code web.xml} init-params or from code. For endpoints that read a body before any credential is
 * checked (a sign-in, a token request), {@link dev.storeauth.servlet.BoundedBodyReader} reads it
 * capped in bytes and time without parking a thread, and {@link dev.storeauth.servlet.FormBody}
 * parses a form in linear time. {@link dev.storeauth.servlet.TokenEndpointServlet} is the OAuth 2.0
 * token endpoint of the client-credentials grant, built on both.
 */
package dev.storeauth.servlet;
