-- Issue 17, a million tickets: the overdue list and the escalation scan ORed two deadlines and
-- sorted every match (bench/RESULTS.md). The ticket now keeps the deadline that runs (due_at: to
-- accept while it is new, to answer until answered; null while paused or after) and the moment
-- of its next warning (next_escalation_at), both set by the entity on every change, each indexed,
-- so that both lists are index range scans touching only the rows they return. The phone search
-- becomes two index lookups, one of them by phone in order of creation.
ALTER TABLE ticket ADD due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket ADD next_escalation_at TIMESTAMP WITH TIME ZONE;

UPDATE ticket SET due_at = accept_by WHERE status = 'NEW' AND accept_by IS NOT NULL;
UPDATE ticket SET due_at = answer_by WHERE status IN ('NEW', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS') AND due_at IS NULL;

-- Level 2 (the supervisors) when it is late to accept or to answer, whichever comes first ...
UPDATE ticket SET next_escalation_at = CASE
        WHEN status = 'NEW' AND accept_by IS NOT NULL AND (answer_by IS NULL OR accept_by < answer_by) THEN accept_by
        ELSE answer_by END
    WHERE escalation_level < 2 AND status IN ('NEW', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS');
-- ... and level 1 (the department's head) before that, once the answer's clock turns yellow.
UPDATE ticket SET next_escalation_at = warn_at
    WHERE escalation_level = 0 AND status IN ('DISPATCHED', 'IN_PROGRESS') AND warn_at IS NOT NULL
      AND (next_escalation_at IS NULL OR warn_at < next_escalation_at);

CREATE INDEX ix_ticket_due_at ON ticket (due_at);
CREATE INDEX ix_ticket_next_escalation ON ticket (next_escalation_at);
DROP INDEX ix_ticket_phone;
CREATE INDEX ix_ticket_phone ON ticket (caller_phone, created_at);
CREATE INDEX ix_ticket_customer_created ON ticket (customer_id, created_at);
