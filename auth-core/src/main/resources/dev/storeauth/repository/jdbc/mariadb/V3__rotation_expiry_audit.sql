-- storeauth schema for MariaDB, version 3 (as ../V3__rotation_expiry_audit.sql): rotation with overlap,
-- expiry, allowlists, where an account was last used from, credential policies and the audit trail.
ALTER TABLE storeauth_oauth_accounts ADD COLUMN IF NOT EXISTS expires_at_us BIGINT;
ALTER TABLE storeauth_oauth_accounts ADD COLUMN IF NOT EXISTS previous_token_digest
    CHAR(64) CHARACTER SET ascii COLLATE ascii_bin;
ALTER TABLE storeauth_oauth_accounts ADD COLUMN IF NOT EXISTS previous_token_expires_at_us BIGINT;
ALTER TABLE storeauth_oauth_accounts ADD COLUMN IF NOT EXISTS allowed_addresses VARCHAR(4000);
ALTER TABLE storeauth_oauth_accounts ADD COLUMN IF NOT EXISTS expiry_recorded BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE storeauth_oauth_accounts ADD COLUMN IF NOT EXISTS last_used_from VARCHAR(64);
CREATE UNIQUE INDEX IF NOT EXISTS storeauth_oauth_previous_token_uq
    ON storeauth_oauth_accounts (previous_token_digest);
CREATE INDEX IF NOT EXISTS storeauth_oauth_expiry_ix ON storeauth_oauth_accounts (expiry_recorded, expires_at_us);
ALTER TABLE storeauth_legacy_accounts ADD COLUMN IF NOT EXISTS previous_token_digest
    CHAR(64) CHARACTER SET ascii COLLATE ascii_bin;
ALTER TABLE storeauth_legacy_accounts ADD COLUMN IF NOT EXISTS previous_token_expires_at_us BIGINT;
ALTER TABLE storeauth_legacy_accounts ADD COLUMN IF NOT EXISTS last_used_from VARCHAR(64);
CREATE TABLE IF NOT EXISTS storeauth_credential_policies (
    store_hash VARCHAR(32) PRIMARY KEY,
    require_expiry BOOLEAN NOT NULL,
    max_lifetime_ns BIGINT
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
-- detail is application/x-www-form-urlencoded, so ASCII: 32,000 of its characters fit a row
-- (a row's columns share 65,535 bytes), where 32,000 utf8mb4 characters would not.
CREATE TABLE IF NOT EXISTS storeauth_audit_events (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    at_us BIGINT NOT NULL,
    actor VARCHAR(200) NOT NULL,
    action VARCHAR(64) NOT NULL,
    store_hash VARCHAR(200),
    account_id VARCHAR(200),
    client_address VARCHAR(200),
    detail VARCHAR(32000) CHARACTER SET ascii COLLATE ascii_bin NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
CREATE INDEX IF NOT EXISTS storeauth_audit_store_ix ON storeauth_audit_events (store_hash, id);
CREATE INDEX IF NOT EXISTS storeauth_audit_at_ix ON storeauth_audit_events (at_us);
