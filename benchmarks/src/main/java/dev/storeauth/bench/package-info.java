/**
 * JMH benchmarks of the authentication hot path: our {@code Authenticator} (cache hit and miss), the floor
 * (the least work any correct implementation must do), and the alternatives users would otherwise pick
 * (dropwizard-auth's {@code CachingAuthenticator}, Spring Security's default Basic path). Run them all in one
 * JVM run so the ratios are measured side by side; see {@code benchmarks/README.md}.
 */
package dev.storeauth.bench;
