/** JSON in and out for the demo's servlets: bounded body reading and RFC 9457 problem responses. */
package dev.storeauth.demo.web;
