-- storeauth schema for MariaDB, version 4 (as ../V4__secret_indexes.sql): a leaked secret is looked up
-- in every column that holds one; these two are the ones not indexed yet.
CREATE INDEX IF NOT EXISTS storeauth_oauth_client_secret_ix ON storeauth_oauth_accounts (client_secret_digest);
CREATE INDEX IF NOT EXISTS storeauth_legacy_previous_token_ix ON storeauth_legacy_accounts (previous_token_digest);
