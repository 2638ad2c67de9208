-- Issue 16, dunning by voice: Kefu calls the customer and an IVR flow speaks the amount and due
-- date; 1 pays now (PIN, then the 2PC bill payment), 2 an agent, 3 a promise-to-pay date. A voice
-- reminder is SENT when the customer answered; what the customer did is its outcome.
ALTER TABLE dunning_notice DROP CONSTRAINT ck_dunning_notice_channel;
ALTER TABLE dunning_notice ADD CONSTRAINT ck_dunning_notice_channel CHECK (channel IN ('SMS', 'EMAIL', 'VOICE'));
ALTER TABLE dunning_notice ADD outcome VARCHAR(16);
ALTER TABLE dunning_notice ADD promised_on DATE;
ALTER TABLE dunning_notice ADD CONSTRAINT ck_dunning_notice_outcome CHECK (outcome IN ('PAID', 'PROMISED', 'AGENT'));
