/**
 * Micrometer meters for storeauth: give a {@link dev.storeauth.micrometer.MicrometerObserver} to
 * {@code StoreAuth.Builder.observer(...)}.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>Name</th><th>Type</th><th>Tags</th><th>Counts</th></tr>
 *   <tr><td>{@code storeauth.authentications}</td><td>counter</td>
 *       <td>{@code scheme} ({@code bearer}, {@code basic}, an added scheme's name, or {@code none}),
 *       {@code outcome} ({@code success} or a problem code such as {@code invalid_credentials})</td>
 *       <td>every request the authenticator decided, and every one it answered 503
 *       ({@code repository_unavailable})</td></tr>
 *   <tr><td>{@code storeauth.cache.requests}</td><td>counter</td>
 *       <td>{@code result} ({@code hit}, {@code negative_hit}, {@code miss})</td>
 *       <td>account cache look-ups: held, known not to exist, or looked up in the repository</td></tr>
 *   <tr><td>{@code storeauth.cache.load}</td><td>timer</td><td>{@code result} ({@code success}, {@code failure})</td>
 *       <td>repository look-ups the cache made, and how long they took</td></tr>
 *   <tr><td>{@code storeauth.store.errors}</td><td>counter</td><td>none</td>
 *       <td>repository look-ups that failed, and callers that gave up waiting for one</td></tr>
 *   <tr><td>{@code storeauth.limiter.refusals}</td><td>counter</td>
 *       <td>{@code kind} ({@code throttle}, {@code quota})</td>
 *       <td>429s of the failure throttle and of the store quota</td></tr>
 *   <tr><td>{@code storeauth.changefeed.lag}</td><td>timer</td><td>none</td>
 *       <td>from a change's commit to its delivery to this node's cache; polling feeds only</td></tr>
 *   <tr><td>{@code storeauth.changefeed.reconnects}</td><td>counter</td><td>none</td>
 *       <td>times the change feed got its database back after losing it (changes meanwhile were
 *       missed, and the whole cache was evicted)</td></tr>
 * </table>
 *
 * <p>Every tag value comes from a small fixed set: never a secret, username, store hash, path or
 * client address.
 */
package dev.storeauth.micrometer;
