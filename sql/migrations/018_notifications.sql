-- Notification templates and reply templates in the admin console (issue 6).
--
-- mail_templates: an admin's own subject and body for the email of one
-- event (kind: the name of templates/mail/<kind>.cs) in one language, with
-- plain-text placeholders ({number}, {customer}, ...; lib/mailtpl.h). At
-- most one per event and language; deactivated (never deleted) it stops
-- being used and the shipped template is used again. Workers load the
-- active rows when the configuration version changes (lib/confver.c).
CREATE TABLE IF NOT EXISTS mail_templates (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  kind VARCHAR(40) CHARACTER SET ascii NOT NULL,
  language CHAR(2) CHARACTER SET ascii NOT NULL,
  subject VARCHAR(200) NOT NULL,
  body TEXT NOT NULL,
  active TINYINT(1) NOT NULL DEFAULT 1,
  updated_at DATETIME NOT NULL,
  updated_by BIGINT UNSIGNED NULL,
  UNIQUE KEY uq_mail_templates (kind, language),
  CONSTRAINT fk_mail_templates_agent FOREIGN KEY (updated_by) REFERENCES agents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- reply_templates (话术模板, SPEC §4): canned answers agents insert into the
-- reply box, with the same kind of placeholders (customer's name, ticket
-- number, agent). Deactivated, never deleted. The agent's ticket page lists
-- the active ones of the ticket's language (ix_reply_templates_list).
CREATE TABLE IF NOT EXISTS reply_templates (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  title VARCHAR(100) NOT NULL,
  language CHAR(2) CHARACTER SET ascii NOT NULL DEFAULT 'zh',
  body TEXT NOT NULL,
  active TINYINT(1) NOT NULL DEFAULT 1,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  KEY ix_reply_templates_list (active, language, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
