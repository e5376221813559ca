-- Per category, which of the common request fields (lib/commonfield.h:
-- product, version, serial, impact, when it started, error message, what
-- was tried, expected date, keywords) the forms show and which are
-- required. A category without a row for a field uses the field's default
-- (product and impact required, the others optional), so categories made
-- before this table keep their forms. The portal, the agents' intake and
-- the API apply the same modes (lib/catalog.c loads them).
CREATE TABLE IF NOT EXISTS category_common_fields (
  category_id BIGINT UNSIGNED NOT NULL,
  field VARCHAR(40) CHARACTER SET ascii NOT NULL,
  mode ENUM('hidden','optional','required') NOT NULL,
  PRIMARY KEY (category_id, field),
  CONSTRAINT fk_common_fields_category FOREIGN KEY (category_id) REFERENCES categories (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The shipped kinds ask for what fits them: a question about a process
-- may concern no one product and has no serial number or start time; a
-- complaint has its own event time and no error message; a customisation
-- request is about a product and a wished date. A product fault keeps
-- every default.
INSERT IGNORE INTO category_common_fields (category_id, field, mode)
SELECT c.id, m.field, m.mode FROM categories c JOIN (
  SELECT 'usage' code, 'product' field, 'optional' mode
  UNION ALL SELECT 'usage', 'impact', 'optional'
  UNION ALL SELECT 'usage', 'serial_number', 'hidden'
  UNION ALL SELECT 'usage', 'started_at', 'hidden'
  UNION ALL SELECT 'usage', 'expected_at', 'hidden'
  UNION ALL SELECT 'complaint', 'product', 'optional'
  UNION ALL SELECT 'complaint', 'product_version', 'hidden'
  UNION ALL SELECT 'complaint', 'serial_number', 'hidden'
  UNION ALL SELECT 'complaint', 'impact', 'optional'
  UNION ALL SELECT 'complaint', 'started_at', 'hidden'
  UNION ALL SELECT 'complaint', 'error_message', 'hidden'
  UNION ALL SELECT 'complaint', 'tried', 'hidden'
  UNION ALL SELECT 'complaint', 'keywords', 'hidden'
  UNION ALL SELECT 'customisation', 'serial_number', 'hidden'
  UNION ALL SELECT 'customisation', 'impact', 'hidden'
  UNION ALL SELECT 'customisation', 'started_at', 'hidden'
  UNION ALL SELECT 'customisation', 'error_message', 'hidden'
  UNION ALL SELECT 'customisation', 'tried', 'hidden'
) m ON m.code = c.code;

-- The signed acceptance form as a document (lib/ticket_acceptance.c): the facts
-- as they were when the customer signed (organisation, product, engineer,
-- dates, the confirmed solution, the work log), as JSON, so the page
-- prints them with labels in the reader's language. form_text keeps the
-- text exactly as shown; rows signed before this column have no document.
ALTER TABLE ticket_acceptances ADD COLUMN IF NOT EXISTS form_json MEDIUMTEXT NULL AFTER form_text;
