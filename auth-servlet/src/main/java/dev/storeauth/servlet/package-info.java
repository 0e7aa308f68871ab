/**
 * The drop-in {@link jakarta.servlet.Filter}: {@link dev.storeauth.servlet.StoreAuthFilter} guards a
 * store API with the core {@link dev.storeauth.auth.Authenticator}, configured either from
 * {@code web.xml} init-params or from code.
 */
package dev.storeauth.servlet;
