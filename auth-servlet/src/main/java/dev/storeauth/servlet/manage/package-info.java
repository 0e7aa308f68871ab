/**
 * JSON endpoints through which a store owner manages the store's API accounts, over
 * {@link dev.storeauth.lifecycle.AccountLifecycle}: {@link dev.storeauth.servlet.manage.AccountManagementServlet}
 * and the {@link dev.storeauth.servlet.manage.CsrfTokens} SPI it uses to protect state-changing requests.
 */
package dev.storeauth.servlet.manage;
