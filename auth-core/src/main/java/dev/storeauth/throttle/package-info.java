/**
 * Brute-force protection: {@link dev.storeauth.throttle.FailureThrottle} counts failed
 * authentications per client address and per legacy username, in bounded Caffeine caches, and
 * tells the authenticator when to answer 429 without checking the credential at all.
 */
package dev.storeauth.throttle;
