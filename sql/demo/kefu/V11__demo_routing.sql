-- Inbound routing demo (R-2.3). The demo numbers have no office hours, so they are open around
-- the clock (shared/DEMO-CENTER.md) and the out-of-hours rule only fires once an administrator
-- gives 12345 office hours; the tests do so, with a holiday on the day they run.
INSERT INTO calendar_day (day_date, day_kind, name, as_weekday) VALUES (DATE '2027-01-01', 'HOLIDAY', '元旦 (demo)', NULL);
INSERT INTO calendar_day (day_date, day_kind, name, as_weekday) VALUES (DATE '2027-02-20', 'WORKDAY', '春节调休 (demo)', 5);

-- 12345 out of its office hours (holidays included): the out-of-hours announcement, then a
-- message for the hotline.
INSERT INTO routing_rule (priority, name, dnis, caller_prefix, weekdays, from_minute, to_minute, day_condition, announcement, target_kind, target, enabled)
VALUES (100, 'hotline closed: message', '12345', NULL, NULL, NULL, NULL, 'CLOSED', 'out-of-hours', 'VOICEMAIL', 'hotline', 1);
-- Callers from the United Kingdom (0044…) on 12345 go straight to the English queue.
INSERT INTO routing_rule (priority, name, dnis, caller_prefix, weekdays, from_minute, to_minute, day_condition, announcement, target_kind, target, enabled)
VALUES (50, 'UK callers: English', '12345', '0044', NULL, NULL, NULL, 'ANY', NULL, 'QUEUE', 'english', 1);
