/**
 * Starts the demo: TLS certificate, database, account store and cache, and the Jetty context. The
 * ports are bound before anything is written to the data directory.
 */
package dev.storeauth.demo.server;
