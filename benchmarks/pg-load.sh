#!/usr/bin/env bash
# Creates storeauth_bench_<N> on PostgreSQL for each size (default 10000 100000 1000000), migrates it with
# the library's own migrations, bulk-loads N OAuth and N legacy accounts (50 of each per store) with COPY,
# VACUUM ANALYZE, and checks that loaded tokens authenticate. `benchmarks/pg-load.sh --drop` drops them and LifecycleLoad's database.
# PG_HOST (default 127.0.0.1:5432) and PG_DB_PREFIX (default storeauth_bench) move it; user postgres, no password.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-10000 100000 1000000}")
host="${PG_HOST:-127.0.0.1:5432}"
prefix="${PG_DB_PREFIX:-storeauth_bench}"
if [[ "${1:-}" == "--drop" ]]; then
  for n in 10000 100000 1000000 lifecycle; do
    psql -h "${host%:*}" -p "${host#*:}" -U postgres -d postgres -c "DROP DATABASE IF EXISTS ${prefix}_$n"
  done
  exit 0
fi
[[ -f benchmarks/target/benchmarks.jar && -n "${LOAD_SKIP_BUILD:-}" ]] \
  || mvn -B -q -pl benchmarks -am package -DskipTests
# shellcheck disable=SC2068
java -Dstoreauth.bench.pg="$host" -Dstoreauth.bench.db="$prefix" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp benchmarks/target/benchmarks.jar dev.storeauth.bench.PgLoad ${sizes[@]}
