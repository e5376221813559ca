-- SLA targets carry their unit (lib/slatarget.h): an amount of working
-- minutes, working hours or working days of the level's calendar, as
-- admins and the process documents state them ("24 小时", "3 个工作日").
-- A working day is the same position of the business clock on the next
-- working day; a promise of "24 小时" on a calendar that is not 7x24 is one
-- working day (24 working hours of a 7.5-hour day would be 3.2 days).
--
-- Each *_minutes column becomes an amount with its unit; existing amounts
-- stay minutes (whole hours are written as hours: the same time). A
-- progress-update cadence of a day or more always meant "before 17:00 of
-- the next working day": it becomes 1 working day, as it behaves.
--
-- The shipped levels that still hold the shipped numbers are set as the
-- process documents state them: general (一般) first response 24 h and
-- resolution 3 working days, which shipped as 1440 and 1350 working
-- minutes (3.2 days and 3 days: the resolution fell due first); low (低)
-- 24 h; important (重要) resolution 24 h. Levels an admin changed keep
-- their values. Deadlines of existing tickets do not move, as with any
-- change of targets.
ALTER TABLE priorities
  CHANGE classify_minutes classify INT UNSIGNED NULL,
  ADD COLUMN classify_unit ENUM('minute','hour','workday') NOT NULL DEFAULT 'minute' AFTER classify,
  CHANGE first_response_minutes first_response INT UNSIGNED NULL,
  ADD COLUMN first_response_unit ENUM('minute','hour','workday') NOT NULL DEFAULT 'minute'
    AFTER first_response,
  CHANGE resolution_minutes resolution INT UNSIGNED NULL,
  ADD COLUMN resolution_unit ENUM('minute','hour','workday') NOT NULL DEFAULT 'minute'
    AFTER resolution,
  CHANGE update_interval_minutes update_interval INT UNSIGNED NULL,
  ADD COLUMN update_interval_unit ENUM('minute','hour','workday') NOT NULL DEFAULT 'minute'
    AFTER update_interval;

ALTER TABLE sla_policies
  CHANGE classify_minutes classify INT UNSIGNED NULL,
  ADD COLUMN classify_unit ENUM('minute','hour','workday') NOT NULL DEFAULT 'minute' AFTER classify,
  CHANGE first_response_minutes first_response INT UNSIGNED NULL,
  ADD COLUMN first_response_unit ENUM('minute','hour','workday') NOT NULL DEFAULT 'minute'
    AFTER first_response,
  CHANGE resolution_minutes resolution INT UNSIGNED NULL,
  ADD COLUMN resolution_unit ENUM('minute','hour','workday') NOT NULL DEFAULT 'minute'
    AFTER resolution,
  CHANGE update_interval_minutes update_interval INT UNSIGNED NULL,
  ADD COLUMN update_interval_unit ENUM('minute','hour','workday') NOT NULL DEFAULT 'minute'
    AFTER update_interval;

-- the shipped levels, where untouched
UPDATE priorities SET first_response = 1, first_response_unit = 'workday',
  resolution = 3, resolution_unit = 'workday'
  WHERE code = 'general' AND calendar_id = 1 AND first_response = 1440 AND resolution = 1350;
UPDATE priorities SET first_response = 1, first_response_unit = 'workday'
  WHERE code = 'low' AND calendar_id = 1 AND first_response = 1440;
UPDATE priorities SET resolution = 1, resolution_unit = 'workday'
  WHERE code = 'important' AND calendar_id = 1 AND resolution = 1440;

-- a daily cadence is what it always was
UPDATE priorities SET update_interval = 1, update_interval_unit = 'workday'
  WHERE update_interval_unit = 'minute' AND update_interval >= 1440;
UPDATE sla_policies SET update_interval = 1, update_interval_unit = 'workday'
  WHERE update_interval_unit = 'minute' AND update_interval >= 1440;

-- whole hours as hours
UPDATE priorities SET classify = classify DIV 60, classify_unit = 'hour'
  WHERE classify_unit = 'minute' AND classify >= 60 AND classify % 60 = 0;
UPDATE priorities SET first_response = first_response DIV 60, first_response_unit = 'hour'
  WHERE first_response_unit = 'minute' AND first_response >= 60 AND first_response % 60 = 0;
UPDATE priorities SET resolution = resolution DIV 60, resolution_unit = 'hour'
  WHERE resolution_unit = 'minute' AND resolution >= 60 AND resolution % 60 = 0;
UPDATE priorities SET update_interval = update_interval DIV 60, update_interval_unit = 'hour'
  WHERE update_interval_unit = 'minute' AND update_interval >= 60 AND update_interval % 60 = 0;
UPDATE sla_policies SET classify = classify DIV 60, classify_unit = 'hour'
  WHERE classify_unit = 'minute' AND classify >= 60 AND classify % 60 = 0;
UPDATE sla_policies SET first_response = first_response DIV 60, first_response_unit = 'hour'
  WHERE first_response_unit = 'minute' AND first_response >= 60 AND first_response % 60 = 0;
UPDATE sla_policies SET resolution = resolution DIV 60, resolution_unit = 'hour'
  WHERE resolution_unit = 'minute' AND resolution >= 60 AND resolution % 60 = 0;
UPDATE sla_policies SET update_interval = update_interval DIV 60, update_interval_unit = 'hour'
  WHERE update_interval_unit = 'minute' AND update_interval >= 60 AND update_interval % 60 = 0;
