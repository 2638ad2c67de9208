-- Issue 16: a bill's due date, so that dunning can find the bills overdue (unpaid past it).
-- Bills from before have none and are never dunned.
ALTER TABLE utility_bill ADD due_date DATE;
CREATE INDEX ix_utility_bill_due ON utility_bill (status, due_date);
