/**
 * JSON endpoints through which a store owner manages the store's API accounts (create, roll, restrict,
 * regenerate, delete), its credential policy and reads its audit trail, over
 * {@link dev.storeauth.lifecycle.AccountLifecycle}: {@link dev.storeauth.servlet.manage.AccountManagementServlet}
 * and the {@link dev.storeauth.servlet.manage.CsrfTokens} SPI it uses to protect state-changing requests.
 */
package dev.storeauth.servlet.manage;
