-- storeauth schema for MariaDB, version 1: the tables of ../V1__schema.sql. Every statement is idempotent
-- so that a retried migration is safe (MariaDB commits each DDL statement on its own).
-- Text compares byte for byte, trailing spaces included (utf8mb4_nopad_bin), as on PostgreSQL and H2;
-- digests are lower-case hex in ASCII; times are epoch microseconds (UTC) in BIGINT.
-- Every index fits InnoDB's 3,072-byte key limit (a utf8mb4 character takes up to 4 bytes).
CREATE TABLE IF NOT EXISTS storeauth_stores (
    store_hash VARCHAR(32) PRIMARY KEY
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
CREATE TABLE IF NOT EXISTS storeauth_oauth_accounts (
    id VARCHAR(64) PRIMARY KEY,
    store_hash VARCHAR(32) NOT NULL,
    name VARCHAR(400) NOT NULL,
    client_id VARCHAR(200) NOT NULL,
    client_secret_digest CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    access_token_digest CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    scopes VARCHAR(4000) NOT NULL,
    created_at_us BIGINT NOT NULL,
    last_used_at_us BIGINT,
    CONSTRAINT storeauth_oauth_client_id_uq UNIQUE (client_id),
    CONSTRAINT storeauth_oauth_token_uq UNIQUE (access_token_digest)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
CREATE INDEX IF NOT EXISTS storeauth_oauth_store_ix ON storeauth_oauth_accounts (store_hash, created_at_us);
CREATE TABLE IF NOT EXISTS storeauth_legacy_accounts (
    id VARCHAR(120) PRIMARY KEY,
    store_hash VARCHAR(32) NOT NULL,
    username VARCHAR(64) NOT NULL,
    token_digest CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at_us BIGINT NOT NULL,
    last_used_at_us BIGINT,
    CONSTRAINT storeauth_legacy_user_uq UNIQUE (store_hash, username),
    CONSTRAINT storeauth_legacy_token_uq UNIQUE (token_digest)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
CREATE TABLE IF NOT EXISTS storeauth_changes (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id VARCHAR(120) NOT NULL,
    changed_at_us BIGINT NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
CREATE INDEX IF NOT EXISTS storeauth_changes_at_ix ON storeauth_changes (changed_at_us);
