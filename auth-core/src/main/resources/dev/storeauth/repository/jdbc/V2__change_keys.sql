-- storeauth schema, version 2: a change row names the changed account's lookup key
-- (username:{store}:{username} or token-digest:{hex}), so that every node evicts exactly that key.
-- Rows written before have none; a feed reads such a row as "changes unknown" and evicts everything.
ALTER TABLE storeauth_changes ADD COLUMN IF NOT EXISTS lookup_key VARCHAR(200);
