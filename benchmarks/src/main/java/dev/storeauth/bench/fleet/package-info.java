/**
 * Several nodes on one database, each its own JVM ({@link dev.storeauth.bench.fleet.FleetNode}), and
 * the drivers that measure them over HTTP: revocation across the fleet
 * ({@link dev.storeauth.bench.fleet.FleetRevocation}) and a cold start under open-loop load
 * ({@link dev.storeauth.bench.fleet.ColdStart}).
 */
package dev.storeauth.bench.fleet;
