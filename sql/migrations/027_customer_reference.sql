-- The customer's own reference for a request (客户单号): the order, contract
-- or ticket number their side knows it by, so both sides can find it again.
-- Free text, optional; the customer and agents see it, the API takes and
-- returns it as customer_reference.
ALTER TABLE tickets ADD COLUMN customer_ref VARCHAR(64) NULL AFTER keywords;
