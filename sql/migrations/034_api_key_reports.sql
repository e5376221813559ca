-- api_keys.scope 'reports': a key for BI tools that reads the statistics
-- (GET /api/v1/reports/...: every team's figures, no ticket and no contact
-- detail) and nothing else: the ticket endpoints refuse it. 'own' and 'all'
-- keys, as before, read tickets and not the reports.
ALTER TABLE api_keys MODIFY scope ENUM('own','all','reports') NOT NULL DEFAULT 'own';
