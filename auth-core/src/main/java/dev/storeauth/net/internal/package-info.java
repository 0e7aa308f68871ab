/**
 * Implementation, not exported (the servlet module reads forwarding headers by the same rules):
 * IP address text read without a resolver, CIDR blocks of IPv4 and IPv6 addresses, and the rule for a
 * challenge's realm.
 */
package dev.storeauth.net.internal;
