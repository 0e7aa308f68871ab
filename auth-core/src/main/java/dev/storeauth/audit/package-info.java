/**
 * The audit trail: every change to a store's API accounts and policy, and every control-panel sign-in,
 * as {@link dev.storeauth.audit.AuditEntry} values written in the same transaction as the change.
 */
package dev.storeauth.audit;
