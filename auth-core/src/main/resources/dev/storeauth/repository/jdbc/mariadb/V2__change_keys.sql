-- storeauth schema for MariaDB, version 2 (as ../V2__change_keys.sql): a change row names the changed
-- account's lookup key; rows written before have none and are read as "changes unknown".
ALTER TABLE storeauth_changes ADD COLUMN IF NOT EXISTS lookup_key VARCHAR(200);
