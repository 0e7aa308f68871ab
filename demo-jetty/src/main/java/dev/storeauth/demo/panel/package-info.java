/**
 * The demo's control panel: sign-in with a session cookie and an anti-CSRF token, each sign-in
 * written to the audit trail, the session as the management servlet's principal, and the Store API
 * Accounts, Legacy API Accounts and Activity pages.
 */
package dev.storeauth.demo.panel;
