-- Core ticket model (SPEC §1-§2): organisations and customers with tags and
-- contacts, agents and teams, calendars, priorities, categories with their
-- own fields, channels, tickets, their append-only history and attachments.
-- All times are UTC DATETIMEs. Contact details are sealed (lib/secret.h):
-- *_sealed holds the ciphertext, *_bidx a keyed blind index for lookups.

CREATE TABLE organisations (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  share_tickets TINYINT(1) NOT NULL DEFAULT 0,
  created_at DATETIME NOT NULL,
  UNIQUE KEY uq_organisations_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE customers (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  organisation_id BIGINT UNSIGNED NULL,
  name VARCHAR(100) NOT NULL,
  language CHAR(2) NOT NULL DEFAULT 'zh',
  password_hash VARCHAR(255) NULL,
  created_at DATETIME NOT NULL,
  KEY ix_customers_org (organisation_id),
  CONSTRAINT fk_customers_org FOREIGN KEY (organisation_id) REFERENCES organisations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE customer_contacts (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  customer_id BIGINT UNSIGNED NOT NULL,
  kind ENUM('email','phone','wechat','dingtalk') NOT NULL,
  value_sealed VARBINARY(600) NOT NULL,
  value_bidx BINARY(32) NOT NULL,
  is_primary TINYINT(1) NOT NULL DEFAULT 0,
  created_at DATETIME NOT NULL,
  UNIQUE KEY uq_contacts_lookup (kind, value_bidx),
  KEY ix_contacts_customer (customer_id),
  CONSTRAINT fk_contacts_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE tags (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  code VARCHAR(40) NOT NULL,
  name_zh VARCHAR(60) NOT NULL,
  name_en VARCHAR(60) NOT NULL,
  color ENUM('gold','purple','neutral') NOT NULL DEFAULT 'neutral',
  is_system TINYINT(1) NOT NULL DEFAULT 0,
  UNIQUE KEY uq_tags_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE customer_tags (
  customer_id BIGINT UNSIGNED NOT NULL,
  tag_id BIGINT UNSIGNED NOT NULL,
  source ENUM('manual','rule') NOT NULL DEFAULT 'manual',
  reason VARCHAR(255) NULL,
  created_at DATETIME NOT NULL,
  PRIMARY KEY (customer_id, tag_id),
  KEY ix_customer_tags_tag (tag_id),
  CONSTRAINT fk_ctags_customer FOREIGN KEY (customer_id) REFERENCES customers (id),
  CONSTRAINT fk_ctags_tag FOREIGN KEY (tag_id) REFERENCES tags (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE organisation_tags (
  organisation_id BIGINT UNSIGNED NOT NULL,
  tag_id BIGINT UNSIGNED NOT NULL,
  created_at DATETIME NOT NULL,
  PRIMARY KEY (organisation_id, tag_id),
  KEY ix_org_tags_tag (tag_id),
  CONSTRAINT fk_otags_org FOREIGN KEY (organisation_id) REFERENCES organisations (id),
  CONSTRAINT fk_otags_tag FOREIGN KEY (tag_id) REFERENCES tags (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE business_calendars (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  code VARCHAR(40) NOT NULL,
  name_zh VARCHAR(100) NOT NULL,
  name_en VARCHAR(100) NOT NULL,
  time_zone VARCHAR(64) NOT NULL DEFAULT 'Asia/Shanghai',
  active TINYINT(1) NOT NULL DEFAULT 1,
  UNIQUE KEY uq_calendars_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Working spans per weekday (0 = Sunday), minutes after local midnight.
CREATE TABLE calendar_spans (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  calendar_id BIGINT UNSIGNED NOT NULL,
  weekday TINYINT UNSIGNED NOT NULL,
  start_minute SMALLINT UNSIGNED NOT NULL,
  end_minute SMALLINT UNSIGNED NOT NULL,
  KEY ix_spans_calendar (calendar_id, weekday),
  CONSTRAINT fk_spans_calendar FOREIGN KEY (calendar_id) REFERENCES business_calendars (id),
  CONSTRAINT ck_spans_order CHECK (start_minute < end_minute AND end_minute <= 1440 AND weekday < 7)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Holidays and make-up working days (调休) override the weekly spans.
CREATE TABLE calendar_days (
  calendar_id BIGINT UNSIGNED NOT NULL,
  day DATE NOT NULL,
  kind ENUM('holiday','workday') NOT NULL,
  name VARCHAR(100) NULL,
  PRIMARY KEY (calendar_id, day),
  CONSTRAINT fk_days_calendar FOREIGN KEY (calendar_id) REFERENCES business_calendars (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Levels are data: rank 1 is the most urgent. Targets in business minutes;
-- NULL means no target.
CREATE TABLE priorities (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  code VARCHAR(40) NOT NULL,
  name_zh VARCHAR(60) NOT NULL,
  name_en VARCHAR(60) NOT NULL,
  rank_order SMALLINT UNSIGNED NOT NULL,
  color ENUM('red','orange','blue','grey') NOT NULL DEFAULT 'blue',
  calendar_id BIGINT UNSIGNED NOT NULL,
  first_response_minutes INT UNSIGNED NULL,
  resolution_minutes INT UNSIGNED NULL,
  update_interval_minutes INT UNSIGNED NULL,
  warning_percent TINYINT UNSIGNED NOT NULL DEFAULT 75,
  is_default TINYINT(1) NOT NULL DEFAULT 0,
  active TINYINT(1) NOT NULL DEFAULT 1,
  UNIQUE KEY uq_priorities_code (code),
  CONSTRAINT fk_priorities_calendar FOREIGN KEY (calendar_id) REFERENCES business_calendars (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE teams (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  code VARCHAR(40) NOT NULL,
  name_zh VARCHAR(100) NOT NULL,
  name_en VARCHAR(100) NOT NULL,
  dispatch_mode ENUM('claim','least_open','round_robin') NOT NULL DEFAULT 'claim',
  active TINYINT(1) NOT NULL DEFAULT 1,
  UNIQUE KEY uq_teams_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE agents (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  login VARCHAR(64) NOT NULL,
  name VARCHAR(100) NOT NULL,
  email VARCHAR(254) NULL,
  role ENUM('agent','supervisor','admin') NOT NULL DEFAULT 'agent',
  password_hash VARCHAR(255) NOT NULL,
  language CHAR(2) NOT NULL DEFAULT 'zh',
  can_see_contacts TINYINT(1) NOT NULL DEFAULT 0,
  active TINYINT(1) NOT NULL DEFAULT 1,
  failed_logins INT UNSIGNED NOT NULL DEFAULT 0,
  locked_until DATETIME NULL,
  created_at DATETIME NOT NULL,
  UNIQUE KEY uq_agents_login (login)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE team_members (
  team_id BIGINT UNSIGNED NOT NULL,
  agent_id BIGINT UNSIGNED NOT NULL,
  is_lead TINYINT(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (team_id, agent_id),
  KEY ix_members_agent (agent_id),
  CONSTRAINT fk_members_team FOREIGN KEY (team_id) REFERENCES teams (id),
  CONSTRAINT fk_members_agent FOREIGN KEY (agent_id) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE skills (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  code VARCHAR(40) NOT NULL,
  name_zh VARCHAR(60) NOT NULL,
  name_en VARCHAR(60) NOT NULL,
  UNIQUE KEY uq_skills_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE agent_skills (
  agent_id BIGINT UNSIGNED NOT NULL,
  skill_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (agent_id, skill_id),
  KEY ix_agent_skills_skill (skill_id),
  CONSTRAINT fk_askills_agent FOREIGN KEY (agent_id) REFERENCES agents (id),
  CONSTRAINT fk_askills_skill FOREIGN KEY (skill_id) REFERENCES skills (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE categories (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  code VARCHAR(40) NOT NULL,
  name_zh VARCHAR(60) NOT NULL,
  name_en VARCHAR(60) NOT NULL,
  summary_zh VARCHAR(255) NOT NULL DEFAULT '',
  summary_en VARCHAR(255) NOT NULL DEFAULT '',
  default_priority_id BIGINT UNSIGNED NOT NULL,
  team_id BIGINT UNSIGNED NULL,
  sort_order SMALLINT NOT NULL DEFAULT 0,
  is_public TINYINT(1) NOT NULL DEFAULT 1,
  active TINYINT(1) NOT NULL DEFAULT 1,
  UNIQUE KEY uq_categories_code (code),
  CONSTRAINT fk_categories_priority FOREIGN KEY (default_priority_id) REFERENCES priorities (id),
  CONSTRAINT fk_categories_team FOREIGN KEY (team_id) REFERENCES teams (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Each category's own form. Fields are never deleted (deactivated), so old
-- tickets keep their labels.
CREATE TABLE category_fields (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  category_id BIGINT UNSIGNED NOT NULL,
  name VARCHAR(40) NOT NULL,
  field_type ENUM('text','longtext','number','date','datetime','choice','multichoice','bool') NOT NULL,
  label_zh VARCHAR(100) NOT NULL,
  label_en VARCHAR(100) NOT NULL,
  help_zh VARCHAR(255) NOT NULL DEFAULT '',
  help_en VARCHAR(255) NOT NULL DEFAULT '',
  required TINYINT(1) NOT NULL DEFAULT 0,
  max_length INT UNSIGNED NOT NULL DEFAULT 2000,
  sort_order SMALLINT NOT NULL DEFAULT 0,
  active TINYINT(1) NOT NULL DEFAULT 1,
  UNIQUE KEY uq_fields_name (category_id, name),
  CONSTRAINT fk_fields_category FOREIGN KEY (category_id) REFERENCES categories (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE category_field_options (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  field_id BIGINT UNSIGNED NOT NULL,
  code VARCHAR(40) NOT NULL,
  label_zh VARCHAR(100) NOT NULL,
  label_en VARCHAR(100) NOT NULL,
  sort_order SMALLINT NOT NULL DEFAULT 0,
  active TINYINT(1) NOT NULL DEFAULT 1,
  UNIQUE KEY uq_options_code (field_id, code),
  CONSTRAINT fk_options_field FOREIGN KEY (field_id) REFERENCES category_fields (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE channels (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  code VARCHAR(40) NOT NULL,
  name_zh VARCHAR(60) NOT NULL,
  name_en VARCHAR(60) NOT NULL,
  hours_zh VARCHAR(255) NOT NULL DEFAULT '',
  hours_en VARCHAR(255) NOT NULL DEFAULT '',
  sort_order SMALLINT NOT NULL DEFAULT 0,
  active TINYINT(1) NOT NULL DEFAULT 1,
  UNIQUE KEY uq_channels_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE api_keys (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  label VARCHAR(100) NOT NULL,
  key_hash BINARY(32) NOT NULL,
  key_prefix CHAR(8) NOT NULL,
  scope ENUM('own','all') NOT NULL DEFAULT 'own',
  created_at DATETIME NOT NULL,
  last_used_at DATETIME NULL,
  revoked_at DATETIME NULL,
  UNIQUE KEY uq_api_keys_hash (key_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Serial per numbering period; the row lock makes numbers consecutive.
CREATE TABLE ticket_counters (
  period CHAR(8) NOT NULL PRIMARY KEY,
  serial INT UNSIGNED NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=ascii;

CREATE TABLE tickets (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  number VARCHAR(32) NOT NULL,
  follow_hash BINARY(32) NOT NULL,
  submit_key VARBINARY(200) NULL,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  status ENUM('new','classified','assigned','accepted','in_progress','waiting_customer',
              'waiting_third_party','solution_proposed','in_execution','resolved','closed')
         NOT NULL DEFAULT 'new',
  is_open TINYINT(1) NOT NULL DEFAULT 1,
  channel_id BIGINT UNSIGNED NOT NULL,
  category_id BIGINT UNSIGNED NOT NULL,
  priority_id BIGINT UNSIGNED NOT NULL,
  nature ENUM('functional','performance','compatibility','usage','question') NULL,
  customer_id BIGINT UNSIGNED NOT NULL,
  organisation_id BIGINT UNSIGNED NULL,
  contact_name VARCHAR(100) NOT NULL,
  contact_email_sealed VARBINARY(600) NULL,
  contact_phone_sealed VARBINARY(600) NULL,
  preferred_contact ENUM('email','phone','wechat','any') NOT NULL DEFAULT 'any',
  language CHAR(2) NOT NULL DEFAULT 'zh',
  subject VARCHAR(200) NOT NULL,
  description MEDIUMTEXT NOT NULL,
  product VARCHAR(200) NOT NULL DEFAULT '',
  product_version VARCHAR(100) NOT NULL DEFAULT '',
  serial_number VARCHAR(100) NOT NULL DEFAULT '',
  impact ENUM('company','department','individual','none') NULL,
  tried TEXT NULL,
  error_message TEXT NULL,
  keywords VARCHAR(255) NOT NULL DEFAULT '',
  started_at DATETIME NULL,
  expected_at DATETIME NULL,
  team_id BIGINT UNSIGNED NULL,
  owner_id BIGINT UNSIGNED NULL,
  created_by_agent_id BIGINT UNSIGNED NULL,
  created_by_api_key_id BIGINT UNSIGNED NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  classify_due_at DATETIME NULL,
  first_response_due_at DATETIME NULL,
  first_responded_at DATETIME NULL,
  resolution_due_at DATETIME NULL,
  resolved_at DATETIME NULL,
  closed_at DATETIME NULL,
  next_due_at DATETIME NULL,
  UNIQUE KEY uq_tickets_number (number),
  UNIQUE KEY uq_tickets_follow (follow_hash),
  UNIQUE KEY uq_tickets_submit (submit_key),
  KEY ix_tickets_team_queue (team_id, is_open, owner_id, next_due_at, id),
  KEY ix_tickets_owner_queue (owner_id, is_open, next_due_at, id),
  KEY ix_tickets_open_due (is_open, next_due_at, id),
  KEY ix_tickets_customer (customer_id, created_at),
  KEY ix_tickets_org (organisation_id, created_at),
  KEY ix_tickets_api_key (created_by_api_key_id, id),
  KEY ix_tickets_created (created_at),
  CONSTRAINT fk_tickets_channel FOREIGN KEY (channel_id) REFERENCES channels (id),
  CONSTRAINT fk_tickets_category FOREIGN KEY (category_id) REFERENCES categories (id),
  CONSTRAINT fk_tickets_priority FOREIGN KEY (priority_id) REFERENCES priorities (id),
  CONSTRAINT fk_tickets_customer FOREIGN KEY (customer_id) REFERENCES customers (id),
  CONSTRAINT fk_tickets_org FOREIGN KEY (organisation_id) REFERENCES organisations (id),
  CONSTRAINT fk_tickets_team FOREIGN KEY (team_id) REFERENCES teams (id),
  CONSTRAINT fk_tickets_owner FOREIGN KEY (owner_id) REFERENCES agents (id),
  CONSTRAINT fk_tickets_agent FOREIGN KEY (created_by_agent_id) REFERENCES agents (id),
  CONSTRAINT fk_tickets_api_key FOREIGN KEY (created_by_api_key_id) REFERENCES api_keys (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE ticket_field_values (
  ticket_id BIGINT UNSIGNED NOT NULL,
  field_id BIGINT UNSIGNED NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (ticket_id, field_id),
  KEY ix_values_field (field_id),
  CONSTRAINT fk_values_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id),
  CONSTRAINT fk_values_field FOREIGN KEY (field_id) REFERENCES category_fields (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE ticket_collaborators (
  ticket_id BIGINT UNSIGNED NOT NULL,
  agent_id BIGINT UNSIGNED NOT NULL,
  role VARCHAR(100) NOT NULL,
  added_at DATETIME NOT NULL,
  PRIMARY KEY (ticket_id, agent_id),
  KEY ix_collab_agent (agent_id, ticket_id),
  CONSTRAINT fk_collab_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id),
  CONSTRAINT fk_collab_agent FOREIGN KEY (agent_id) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only history: every message and every change, who, when, old and
-- new value. The triggers below refuse updates and deletes.
CREATE TABLE ticket_events (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  ticket_id BIGINT UNSIGNED NOT NULL,
  kind VARCHAR(40) NOT NULL,
  visibility ENUM('public','internal') NOT NULL DEFAULT 'public',
  actor_type ENUM('customer','agent','api','system') NOT NULL,
  actor_agent_id BIGINT UNSIGNED NULL,
  actor_api_key_id BIGINT UNSIGNED NULL,
  actor_name VARCHAR(100) NOT NULL DEFAULT '',
  field VARCHAR(40) NULL,
  old_value VARCHAR(255) NULL,
  new_value VARCHAR(255) NULL,
  body MEDIUMTEXT NULL,
  created_at DATETIME NOT NULL,
  KEY ix_events_ticket (ticket_id, id),
  KEY ix_events_kind (kind, created_at),
  CONSTRAINT fk_events_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id),
  CONSTRAINT fk_events_agent FOREIGN KEY (actor_agent_id) REFERENCES agents (id),
  CONSTRAINT fk_events_api_key FOREIGN KEY (actor_api_key_id) REFERENCES api_keys (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER ticket_events_no_update BEFORE UPDATE ON ticket_events FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ticket_events is append-only';
CREATE TRIGGER ticket_events_no_delete BEFORE DELETE ON ticket_events FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ticket_events is append-only';

CREATE TABLE attachments (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  ticket_id BIGINT UNSIGNED NOT NULL,
  event_id BIGINT UNSIGNED NULL,
  filename VARCHAR(255) NOT NULL,
  content_type VARCHAR(100) NOT NULL,
  size_bytes BIGINT UNSIGNED NOT NULL,
  sha256 BINARY(32) NOT NULL,
  storage_key CHAR(43) NOT NULL,
  uploaded_by ENUM('customer','agent','api') NOT NULL,
  created_at DATETIME NOT NULL,
  UNIQUE KEY uq_attachments_storage (storage_key),
  KEY ix_attachments_ticket (ticket_id, id),
  CONSTRAINT fk_attachments_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id),
  CONSTRAINT fk_attachments_event FOREIGN KEY (event_id) REFERENCES ticket_events (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
