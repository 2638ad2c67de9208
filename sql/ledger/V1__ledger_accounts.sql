-- The bank's core ledger (LedgerDS), a separate database from the contact center's, so that a
-- money movement journaled by Kefu spans two resources and needs two-phase commit.
CREATE TABLE ledger_account (
    account_number VARCHAR(32)    NOT NULL,
    holder_name    VARCHAR(100)   NOT NULL,
    kind           VARCHAR(16)    DEFAULT 'CUSTOMER' NOT NULL,
    currency       CHAR(3)        DEFAULT 'CNY' NOT NULL,
    balance        NUMERIC(19, 2) DEFAULT 0 NOT NULL,
    status         VARCHAR(16)    DEFAULT 'ACTIVE' NOT NULL,
    opened_at      TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    version        BIGINT         DEFAULT 0 NOT NULL,
    CONSTRAINT pk_ledger_account PRIMARY KEY (account_number),
    CONSTRAINT ck_ledger_account_kind CHECK (kind IN ('CUSTOMER', 'INTERNAL')),
    CONSTRAINT ck_ledger_account_status CHECK (status IN ('ACTIVE', 'FROZEN', 'CLOSED'))
);
