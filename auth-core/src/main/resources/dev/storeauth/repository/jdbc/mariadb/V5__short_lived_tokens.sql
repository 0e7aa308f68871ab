-- storeauth schema for MariaDB, version 5 (as ../V5__short_lived_tokens.sql): short-lived access tokens,
-- each bound to the access token its account had when it was issued. The foreign key is a table
-- constraint: InnoDB ignores a REFERENCES clause written on the column.
CREATE TABLE IF NOT EXISTS storeauth_short_lived_tokens (
    token_digest CHAR(64) CHARACTER SET ascii COLLATE ascii_bin PRIMARY KEY,
    account_id VARCHAR(64) NOT NULL,
    bound_token_digest CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    scopes VARCHAR(4000) NOT NULL,
    issued_at_us BIGINT NOT NULL,
    expires_at_us BIGINT NOT NULL,
    CONSTRAINT storeauth_short_lived_account_fk FOREIGN KEY (account_id)
        REFERENCES storeauth_oauth_accounts (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
CREATE INDEX IF NOT EXISTS storeauth_short_lived_account_ix ON storeauth_short_lived_tokens (account_id);
