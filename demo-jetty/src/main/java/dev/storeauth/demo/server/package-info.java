/** Starts the demo: TLS certificate, database, account store and cache, and the Jetty context. */
package dev.storeauth.demo.server;
