/**
 * Implementation, not exported (the servlet module reads forwarding headers by the same rules):
 * IP address text read without a resolver, and CIDR blocks of IPv4 and IPv6 addresses.
 */
package dev.storeauth.net.internal;
