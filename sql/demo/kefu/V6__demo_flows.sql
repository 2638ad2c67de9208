-- 95500 runs the demo banking flow. The four demo flows themselves (banking-95500,
-- securities-95501, utilities-96000, hotline-12345) are loaded from the classpath
-- (org/kefu/ivr/flows/*.json) by IvrFlows at start when no version of them is stored, each with
-- version 1 active. 95501, 96000 and 12345 keep the fixed entry menu for now (the ACD's and the
-- telephony tests drive it); pointing one at its flow is
--   UPDATE service_number SET flow_id = 'hotline-12345' WHERE dnis = '12345';
-- (securities-95501 and parts of the others call operations that answer NOT_AVAILABLE yet).
UPDATE service_number SET flow_id = 'banking-95500' WHERE dnis = '95500';
