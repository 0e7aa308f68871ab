/** The demo's command line: options, their defaults and their parsing. */
package dev.storeauth.demo.cli;
