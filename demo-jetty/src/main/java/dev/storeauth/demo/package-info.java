/** The storeauth demo: a store API behind {@code StoreAuthFilter} and its control panel, on embedded Jetty 12. */
package dev.storeauth.demo;
