/** The demo's store API: JSON CRUD over products, orders, customers, hooks and the store's settings. */
package dev.storeauth.demo.api;
