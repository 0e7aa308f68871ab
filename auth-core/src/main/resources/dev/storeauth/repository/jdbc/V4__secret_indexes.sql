-- storeauth schema, version 4: a leaked secret is looked up in every column that holds one. The access
-- tokens (current and previous) and the legacy tokens are indexed already; these two are the rest.
-- Not unique: a database that somehow holds a repeated digest still migrates.
CREATE INDEX IF NOT EXISTS storeauth_oauth_client_secret_ix ON storeauth_oauth_accounts (client_secret_digest);
CREATE INDEX IF NOT EXISTS storeauth_legacy_previous_token_ix ON storeauth_legacy_accounts (previous_token_digest);
