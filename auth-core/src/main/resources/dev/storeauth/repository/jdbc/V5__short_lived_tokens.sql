-- storeauth schema, version 5: short-lived access tokens, each bound to the access token its account had
-- when it was issued; found only while that is still the account's access token and until it expires.
CREATE TABLE IF NOT EXISTS storeauth_short_lived_tokens (
    token_digest CHAR(64) PRIMARY KEY,
    account_id VARCHAR(64) NOT NULL REFERENCES storeauth_oauth_accounts (id) ON DELETE CASCADE,
    bound_token_digest CHAR(64) NOT NULL,
    scopes VARCHAR(4000) NOT NULL,
    issued_at_us BIGINT NOT NULL,
    expires_at_us BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS storeauth_short_lived_account_ix ON storeauth_short_lived_tokens (account_id);
