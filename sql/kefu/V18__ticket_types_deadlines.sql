-- Issue 17: ticket types with their deadlines in working days (on the routing calendar's holidays
-- and make-up days 调休): accept within accept_days, answer within answer_days, counted from the
-- working day after the ticket arrived and ending at the close of the last one (Asia/Shanghai).
-- Configurable per type here (per category later). Tickets from before have no type and no deadline.
CREATE TABLE ticket_type (
    code        VARCHAR(16) NOT NULL,
    name_zh     VARCHAR(50) NOT NULL,
    name_en     VARCHAR(50) NOT NULL,
    priority    INTEGER     NOT NULL,
    accept_days INTEGER     NOT NULL,
    answer_days INTEGER     NOT NULL,
    CONSTRAINT pk_ticket_type PRIMARY KEY (code),
    CONSTRAINT ck_ticket_type_priority CHECK (priority BETWEEN 1 AND 5),
    CONSTRAINT ck_ticket_type_accept CHECK (accept_days BETWEEN 0 AND 30),
    CONSTRAINT ck_ticket_type_answer CHECK (answer_days BETWEEN 1 AND 365 AND answer_days >= accept_days)
);
INSERT INTO ticket_type (code, name_zh, name_en, priority, accept_days, answer_days) VALUES ('CONSULTATION', '咨询', 'Consultation', 3, 1, 5);
INSERT INTO ticket_type (code, name_zh, name_en, priority, accept_days, answer_days) VALUES ('COMPLAINT', '投诉', 'Complaint', 2, 1, 15);
INSERT INTO ticket_type (code, name_zh, name_en, priority, accept_days, answer_days) VALUES ('SUGGESTION', '建议', 'Suggestion', 4, 1, 15);
INSERT INTO ticket_type (code, name_zh, name_en, priority, accept_days, answer_days) VALUES ('REPAIR', '报修', 'Repair', 2, 1, 3);
INSERT INTO ticket_type (code, name_zh, name_en, priority, accept_days, answer_days) VALUES ('BUSINESS', '业务办理', 'Business request', 3, 1, 5);
INSERT INTO ticket_type (code, name_zh, name_en, priority, accept_days, answer_days) VALUES ('REPORT', '举报', 'Report', 2, 1, 30);
INSERT INTO ticket_type (code, name_zh, name_en, priority, accept_days, answer_days) VALUES ('HELP', '求助', 'Help request', 1, 0, 1);

ALTER TABLE ticket ADD ticket_type VARCHAR(16);
ALTER TABLE ticket ADD accept_by TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket ADD answer_by TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket ADD CONSTRAINT fk_ticket_type FOREIGN KEY (ticket_type) REFERENCES ticket_type (code);
CREATE INDEX ix_ticket_answer_by ON ticket (status, answer_by);
