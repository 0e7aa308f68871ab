package dev.storeauth.demo.server;

import java.time.Duration;
import java.util.Objects;

/**
 * What one client may hold of the demo's connectors before Jetty cuts it off. The demo's requests
 * are small JSON documents from a local or nearby client, so the bounds are tight.
 *
 * @param idleTimeout how long a connection may send and receive nothing (then Jetty closes it)
 * @param minRequestBytesPerSecond the slowest a request body may arrive, from its first byte;
 *     slower is answered 408 and the connection closed (Jetty checks it at every read)
 * @param maxRequestHeaderBytes the request line and headers together; more is 414 or 431
 * @param maxConnections both connectors together; beyond it Jetty stops accepting (new
 *     connections wait in the operating system's backlog) until one closes
 * @param idleTimeoutWhenFull the idle timeout applied to every connection while the limit is reached
 */
record ConnectorLimits(Duration idleTimeout, long minRequestBytesPerSecond, int maxRequestHeaderBytes,
        int maxConnections, Duration idleTimeoutWhenFull) {

    /** 30 s idle, 1 KiB/s, 8 KiB of headers, 512 connections, 5 s idle when full. */
    static final ConnectorLimits DEMO = new ConnectorLimits(Duration.ofSeconds(30), 1024, 8 * 1024, 512,
            Duration.ofSeconds(5));

    /** @throws IllegalArgumentException unless every bound is positive */
    ConnectorLimits {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(idleTimeoutWhenFull, "idleTimeoutWhenFull");
        if (idleTimeout.toMillis() <= 0 || idleTimeoutWhenFull.toMillis() <= 0 || minRequestBytesPerSecond <= 0
                || maxRequestHeaderBytes <= 0 || maxConnections <= 0) {
            throw new IllegalArgumentException("every connector limit must be positive: " + idleTimeout + ", "
                    + minRequestBytesPerSecond + " B/s, " + maxRequestHeaderBytes + " B, " + maxConnections
                    + " connections, " + idleTimeoutWhenFull);
        }
    }
}
