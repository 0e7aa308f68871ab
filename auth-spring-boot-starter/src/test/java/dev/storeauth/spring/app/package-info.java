/** A tiny Spring Boot store API that the starter's end-to-end tests run on a real Tomcat. */
package dev.storeauth.spring.app;
