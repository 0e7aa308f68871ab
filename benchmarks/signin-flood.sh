#!/usr/bin/env bash
# Store API latency during a flood of failed sign-ins from 50 client addresses, on loopback.
#
#   benchmarks/signin-flood.sh [runs] [flood-seconds] [sign-ins-per-second-per-address]   (defaults 3, 20, 1)
#
# Each run starts a fresh demo (DemoFixture: H2 in a temporary directory, HTTPS with its
# self-signed certificate, PBKDF2 at 600,000 iterations) and a client that signs in, creates an
# API account and calls GET /stores/{hash}/v3/catalog/products 50 times a second, each call sent
# at its scheduled time whether or not earlier ones were answered, and timed from it. 500 warm-up
# calls, 5 s measured before the flood; then 50 workers, bound to 127.0.0.2 ... 127.0.0.51 (Linux
# loopback accepts any 127/8 source), send failed sign-ins over HTTPS at the given rate each (0:
# back to back), a new e-mail address each time, and after the flood's first 5 s (its JIT
# warm-up) the API is measured for flood-seconds. Prints each run's API p50/p99/max before and
# during the flood, the sign-ins' statuses, the connections they took (the demo closes the
# connection after every error answer to a request with a body, so each one is a TLS handshake)
# and the password hashes they cost (one per 401), then the medians over the runs. The flood runs
# in the same JVM and on the same two cores as the server, and so does anything else running on
# the host: the header and footer print its load.
# FLOOD_WITHOUT_PASSWORDS=1 sends the same flood without passwords: each sign-in is a 400 before
# any check, so that run shows what the flood's connections cost without its hashes.
# The same test (SignInFloodTest) runs once, shorter, in the ordinary test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
FLOOD_SECONDS=${2:-20}
RATE=${3:-1}
for value in "$RUNS" "$FLOOD_SECONDS" "$RATE"; do
  [[ "$value" =~ ^[0-9]+$ ]] || { echo "usage: benchmarks/signin-flood.sh [runs] [flood-seconds] [rate]" >&2; exit 2; }
done
echo "commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' (with local changes)'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
mvn -B -o -q -pl demo-jetty -am test -Dtest=SignInFloodTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dflood.runs="$RUNS" -Dflood.seconds="$FLOOD_SECONDS" -Dflood.rate="$RATE" \
  -Dflood.withoutPasswords="$([[ "${FLOOD_WITHOUT_PASSWORDS:-0}" == 1 ]] && echo true || echo false)" \
  -Dorg.slf4j.simpleLogger.logFile="$PWD/demo-jetty/target/signin-flood.log" 2>&1 \
  | grep -E '^(sign-in flood|run [0-9]|API |sign-ins by status|median of|\[ERROR\] +SignInFlood)' || true
echo "load after $(cut -d' ' -f1-3 /proc/loadavg)"
