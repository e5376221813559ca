-- Service acceptance form (服务验收单, SPEC §6): what the customer signed —
-- the problem, the solution and the work done as shown to them, kept
-- unchanged — with their result, remarks, name, time and address.
CREATE TABLE ticket_acceptances (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  ticket_id BIGINT UNSIGNED NOT NULL,
  form_text MEDIUMTEXT NOT NULL,
  result ENUM('accepted','rejected') NOT NULL,
  remarks TEXT NULL,
  signed_name VARCHAR(100) NOT NULL,
  signed_ip VARCHAR(45) NOT NULL DEFAULT '',
  signed_at DATETIME NOT NULL,
  KEY ix_acceptances_ticket (ticket_id, id),
  KEY ix_acceptances_result (result, signed_at),
  CONSTRAINT fk_acceptances_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
