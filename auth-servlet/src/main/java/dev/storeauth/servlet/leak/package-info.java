/**
 * GitHub secret scanning's partner endpoint: {@link dev.storeauth.servlet.leak.SecretScanningServlet}
 * checks each report's ECDSA signature against {@link dev.storeauth.servlet.leak.SecretScanningKeys},
 * then hands it to auth-core's {@link dev.storeauth.leak.LeakReports}, which revokes every live
 * credential in it.
 */
package dev.storeauth.servlet.leak;
