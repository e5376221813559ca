-- Portal settings and customer tags in the admin console (issue 6).
--
-- Customer tags: admins add free tags next to the system ones (VIP,
-- 高频投诉), rename them, give them a colour and deactivate them. Nothing a
-- ticket or an SLA policy refers to is deleted: a deactivated tag keeps its
-- customer_tags rows but is neither shown nor assignable. (The portal's
-- texts, colours, logo, number format and rate limit are rows of `settings`,
-- lib/settings.h; the public categories are categories.is_public.)
ALTER TABLE tags
  ADD COLUMN IF NOT EXISTS active TINYINT(1) NOT NULL DEFAULT 1,
  MODIFY color ENUM('gold','purple','neutral','blue','green','red','orange') NOT NULL DEFAULT 'neutral';

-- The admin's tag list is sorted system tags first, then by name.
ALTER TABLE tags ADD KEY IF NOT EXISTS ix_tags_list (is_system, active, id);

-- Portal submissions per client address (lib/ratelimit.h): one row per
-- address and fixed window, incremented under its row lock, so every worker
-- of every host counts the same submissions. Old windows are deleted as new
-- ones start (ix_portal_rate_window).
CREATE TABLE IF NOT EXISTS portal_rate (
  client VARCHAR(45) CHARACTER SET ascii NOT NULL,
  window_start DATETIME NOT NULL,
  hits INT UNSIGNED NOT NULL,
  PRIMARY KEY (client, window_start),
  KEY ix_portal_rate_window (window_start)
) ENGINE=InnoDB DEFAULT CHARSET=ascii;
