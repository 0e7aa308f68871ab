/**
 * Leaked-token reports, such as GitHub secret scanning's: for each reported value, whether it is a live
 * credential of ours, and if so its revocation at once, through the account lifecycle (so the change is
 * audited and reaches every node). {@link dev.storeauth.leak.LeakReports} is the service,
 * {@link dev.storeauth.leak.LeakedToken} one reported value and {@link dev.storeauth.leak.LeakVerdict}
 * what became of it. Free of HTTP: checking that a report is genuine (its signature) is the caller's.
 */
package dev.storeauth.leak;
