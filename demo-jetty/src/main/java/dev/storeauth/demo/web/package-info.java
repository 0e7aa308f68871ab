/**
 * JSON in and out for the demo's servlets: bounded body reading, JSON responses and the demo's problems;
 * and whether a request came over TLS, judged from its connection.
 */
package dev.storeauth.demo.web;
