/**
 * Brute-force protection: {@link dev.storeauth.throttle.FailureThrottle} counts failed
 * authentications per client address and per legacy username, in bounded Caffeine caches, and
 * tells the authenticator when to answer 429 without checking the credential at all. Where the
 * check is expensive, {@link dev.storeauth.throttle.FailureThrottle#tryReserve} takes a
 * {@link dev.storeauth.throttle.Reservation} before it, so attempts in flight count too.
 */
package dev.storeauth.throttle;
