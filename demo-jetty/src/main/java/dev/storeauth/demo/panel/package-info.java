/**
 * The demo's control panel: sign-in with a session cookie and an anti-CSRF token, the session as
 * the management servlet's principal, and the Store API Accounts and Legacy API Accounts pages.
 */
package dev.storeauth.demo.panel;
