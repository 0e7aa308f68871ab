/**
 * The decision: {@link dev.storeauth.auth.Authenticator} takes a servlet-free
 * {@link dev.storeauth.auth.ApiRequest} and returns an {@link dev.storeauth.auth.AuthResult},
 * either {@code Authenticated} or {@code Denied} with the status, problem and challenges to send.
 * Wrong credentials are a value; only an unavailable store is an exception.
 */
package dev.storeauth.auth;
