-- Issue 17: the clock pauses while a ticket waits for the customer (材料补充, an appointment): status
-- WAITING from ACCEPTED or IN_PROGRESS, and back; on resuming, the answer deadline moves on by the
-- working days that began while it waited.
ALTER TABLE ticket DROP CONSTRAINT ck_ticket_status;
ALTER TABLE ticket ADD CONSTRAINT ck_ticket_status CHECK (status IN ('NEW', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS',
    'WAITING', 'ANSWERED', 'INFORMED', 'VISITED', 'CLOSED'));
ALTER TABLE ticket ADD paused_at TIMESTAMP WITH TIME ZONE;
