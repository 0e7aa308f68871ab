/**
 * The decision: {@link dev.storeauth.auth.Authenticator} takes a servlet-free
 * {@link dev.storeauth.auth.ApiRequest} and returns an {@link dev.storeauth.auth.AuthResult},
 * either {@code Authenticated} or {@code Denied} with the status, problem and challenges to send.
 * Wrong credentials are a value; only an unavailable account repository is an exception. Each way of
 * presenting credentials is a {@link dev.storeauth.auth.CredentialScheme}; the route table says which
 * schemes a path accepts.
 */
package dev.storeauth.auth;
