/**
 * The drop-in {@link jakarta.servlet.Filter}: {@link dev.storeauth.servlet.StoreAuthFilter} guards a
 * store API with the core {@link dev.storeauth.auth.Authenticator}, configured either from
 * {@code web.xml} init-params or from code. {@link dev.storeauth.servlet.JsonBodyReader} reads JSON
 * request bodies under size, depth and number limits, for the management endpoints and the host's
 * own JSON handlers.
 */
package dev.storeauth.servlet;
