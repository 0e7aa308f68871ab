/** The embedded server that {@code benchmarks/load.sh} drives with wrk. */
package dev.storeauth.bench.load;
