-- Admin console (issue 6): the audit trail of every configuration change,
-- the configuration version every worker checks to reload without a
-- restart (lib/confver.h), and the settings admins edit on the web
-- (lib/settings.h).

-- One row per change: who (agent_id NULL = deskctl / the system), from
-- where, which thing (entity + entity_id), what (action) and, per field,
-- [old, new] (lib/audit.h). Times are UTC.
CREATE TABLE audit_log (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  at DATETIME NOT NULL,
  agent_id BIGINT UNSIGNED NULL,
  ip VARCHAR(45) NOT NULL DEFAULT '',
  entity VARCHAR(40) CHARACTER SET ascii NOT NULL,
  entity_id VARCHAR(100) NOT NULL DEFAULT '',
  -- the thing in words when it was changed (a key's label, a team's name)
  title VARCHAR(200) NOT NULL DEFAULT '',
  action VARCHAR(20) CHARACTER SET ascii NOT NULL,
  changes JSON NOT NULL,
  -- the audit page lists newest first (keyset on id) filtered by entity,
  -- by admin or by a date range
  KEY ix_audit_entity (entity, id),
  KEY ix_audit_agent (agent_id, id),
  KEY ix_audit_at (at, id),
  KEY ix_audit_thing (entity, entity_id, id),
  CONSTRAINT fk_audit_agent FOREIGN KEY (agent_id) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row: bumped in the same transaction as every configuration change.
CREATE TABLE config_version (
  id TINYINT UNSIGNED PRIMARY KEY,
  version BIGINT UNSIGNED NOT NULL,
  changed_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=ascii;
INSERT INTO config_version (id, version, changed_at) VALUES (1, 1, UTC_TIMESTAMP());

-- Web-edited settings; name is the config key it overrides ("Site.Name").
CREATE TABLE settings (
  name VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin PRIMARY KEY,
  value TEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
