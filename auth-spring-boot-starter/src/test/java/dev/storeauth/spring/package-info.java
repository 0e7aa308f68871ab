/** Tests of the starter: its auto-configuration's back-offs, its properties and its metadata. */
package dev.storeauth.spring;
