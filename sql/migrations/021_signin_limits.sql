-- Sign-in limits (lib/signin_limit.h): failures are counted per source
-- address, per (source address, login) pair and per login, keyed by the
-- login as typed, so a login that exists and one that does not are treated
-- alike. A stranger's failures pause only their own address; an account as
-- a whole is at most slowed down, never locked.
--
-- signin_throttle: one row per counter. scope 'source' has login = '',
-- scope 'login' has source = ''. `login` has the collation of agents.login,
-- so 'PM' and 'pm' count as the same login, as they sign in as the same
-- person. Rows whose last failure is long past are swept
-- (ix_signin_throttle_age).
CREATE TABLE IF NOT EXISTS signin_throttle (
  scope ENUM('source','pair','login') NOT NULL,
  login VARCHAR(64) NOT NULL,
  source VARCHAR(45) CHARACTER SET ascii NOT NULL,
  failures INT UNSIGNED NOT NULL,
  last_failure_at DATETIME NOT NULL,
  wait_until DATETIME NULL,
  locked_until DATETIME NULL,
  PRIMARY KEY (scope, login, source),
  KEY ix_signin_throttle_age (last_failure_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- signin_sources: the addresses a person signed in from (their usual
-- addresses): the per-login slow-down does not apply there.
CREATE TABLE IF NOT EXISTS signin_sources (
  agent_id BIGINT UNSIGNED NOT NULL,
  source VARCHAR(45) CHARACTER SET ascii NOT NULL,
  last_login_at DATETIME NOT NULL,
  PRIMARY KEY (agent_id, source),
  CONSTRAINT fk_signin_sources_agent FOREIGN KEY (agent_id) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=ascii;

-- the account-wide counters and lock they replace
ALTER TABLE agents
  DROP COLUMN IF EXISTS failed_logins,
  DROP COLUMN IF EXISTS locked_until,
  DROP COLUMN IF EXISTS next_login_at;

-- a try refused before its password was checked (a wait or a pause)
ALTER TABLE auth_events
  MODIFY kind ENUM('login','failure','locked','throttled','logout') NOT NULL;
