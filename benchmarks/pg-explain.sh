#!/usr/bin/env bash
# EXPLAIN (ANALYZE, BUFFERS) of the repository's two miss lookups and the floor's, and of the panel's list, on a database loaded by
# benchmarks/pg-load.sh (default storeauth_bench_1000000), with varchar parameters as the JDBC driver binds
# them; each statement with the plan of its first executions (custom) and the generic plan a pooled
# connection's server-prepared statement settles on.
set -euo pipefail
db="${1:-storeauth_bench_1000000}"
host="${PG_HOST:-127.0.0.1:5432}"
psql=(psql -X -h "${host%:*}" -p "${host#*:}" -U postgres -d "$db" -v ON_ERROR_STOP=1)
cols="id, store_hash, name, client_id, client_secret_digest, access_token_digest, scopes, created_at_us,\
 expires_at_us, previous_token_digest, previous_token_expires_at_us, allowed_addresses"
read -r digest store username < <("${psql[@]}" -At -F ' ' -c "SELECT o.access_token_digest, l.store_hash, l.username
  FROM storeauth_oauth_accounts o, storeauth_legacy_accounts l WHERE o.id = '00000000-0005-ca1e-0000-00000007a120'
  AND l.id = 'legacy:s10000:user0@example.com'")
"${psql[@]}" <<SQL
\echo '== by token digest, as the repository asks (UNION ALL of the current and the previous token)'
PREPARE ours_digest(varchar, varchar) AS SELECT $cols, 0 FROM storeauth_oauth_accounts WHERE access_token_digest = \$1
  UNION ALL SELECT $cols, 1 FROM storeauth_oauth_accounts WHERE previous_token_digest = \$2;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE ours_digest('$digest', '$digest');
\echo '== by token digest, the floor (access_token_digest alone)'
PREPARE floor_digest(varchar) AS SELECT $cols FROM storeauth_oauth_accounts WHERE access_token_digest = \$1;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE floor_digest('$digest');
\echo '== by (store, username), the repository and the floor alike'
PREPARE by_user(varchar, varchar) AS SELECT store_hash, username, token_digest, created_at_us, previous_token_digest,
  previous_token_expires_at_us FROM storeauth_legacy_accounts WHERE store_hash = \$1 AND username = \$2;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE by_user('$store', '$username');
\echo '== the panel list of a store: its OAuth accounts, and the last uses of its OAuth and legacy accounts'
PREPARE panel_list(varchar) AS SELECT $cols FROM storeauth_oauth_accounts WHERE store_hash = \$1 ORDER BY created_at_us, id;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE panel_list('$store');
PREPARE oauth_used(varchar) AS SELECT id, last_used_at_us, last_used_from FROM storeauth_oauth_accounts
  WHERE store_hash = \$1 AND last_used_at_us IS NOT NULL;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE oauth_used('$store');
PREPARE legacy_used(varchar) AS SELECT id, last_used_at_us, last_used_from FROM storeauth_legacy_accounts
  WHERE store_hash = \$1 AND last_used_at_us IS NOT NULL;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE legacy_used('$store');
\echo '== generic plans (plan_cache_mode = force_generic_plan)'
SET plan_cache_mode = force_generic_plan;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE ours_digest('$digest', '$digest');
EXPLAIN (ANALYZE, BUFFERS) EXECUTE floor_digest('$digest');
EXPLAIN (ANALYZE, BUFFERS) EXECUTE by_user('$store', '$username');
EXPLAIN (ANALYZE, BUFFERS) EXECUTE panel_list('$store');
EXPLAIN (ANALYZE, BUFFERS) EXECUTE oauth_used('$store');
EXPLAIN (ANALYZE, BUFFERS) EXECUTE legacy_used('$store');
\echo '== the indexes and their sizes'
SELECT indexrelid::regclass AS index, indrelid::regclass AS "table", pg_size_pretty(pg_relation_size(indexrelid)) AS size
  FROM pg_index WHERE indrelid::regclass::text IN ('storeauth_oauth_accounts', 'storeauth_legacy_accounts') ORDER BY 2, 1;
SQL
