/**
 * JSON in and out for the demo's servlets: bounded body reading and RFC 9457 problem responses;
 * and whether a request came over TLS, judged from its connection.
 */
package dev.storeauth.demo.web;
