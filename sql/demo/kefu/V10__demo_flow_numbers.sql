-- The demo service numbers 95501, 96000 and 12345 are answered by their flows (loaded at start
-- from the classpath, version 1 active), as 95500 already is.
UPDATE service_number SET flow_id = 'securities-95501' WHERE dnis = '95501';
UPDATE service_number SET flow_id = 'utilities-96000' WHERE dnis = '96000';
UPDATE service_number SET flow_id = 'hotline-12345' WHERE dnis = '12345';
