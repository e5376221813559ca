-- People, teams and skill tags in the admin console (issue 6): skill tags
-- are deactivated, never deleted (agents and routing rules refer to them),
-- like teams and agents already are. IF NOT EXISTS: the routing page may
-- add the same column.
ALTER TABLE skills ADD COLUMN IF NOT EXISTS active TINYINT(1) NOT NULL DEFAULT 1;

-- Ending every session of one person (deactivation, password reset) reads
-- the open ones by agent.
ALTER TABLE sessions ADD KEY ix_sessions_agent_open (agent_id, ended_at);
