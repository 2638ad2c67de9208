-- Demo ledger, second part (shared/DEMO-CENTER.md): opening postings for the demo balances, the
-- cards with their PINs (张三 123456, 李四 654321; PBKDF2WithHmacSHA256, 120,000 iterations, a
-- salt per card, computed with tools/pin-hash/PinHash.java), 张三's payee 李四, the power
-- company's collection account and 张三's unpaid bill of 128.50 as utility customer U100001.

-- The demo accounts were created with balances before postings existed: open them properly.
INSERT INTO posting (movement_ref, account_number, amount, movement_kind, description, posted_at)
    SELECT 'OPENING-' || a.account_number, a.account_number, a.balance, 'OPENING', 'opening balance', CURRENT_TIMESTAMP
    FROM ledger_account a
    WHERE a.account_number IN ('6222020000000001', '6222020000000002')
      AND NOT EXISTS (SELECT 1 FROM posting p WHERE p.account_number = a.account_number);
INSERT INTO posting (movement_ref, account_number, amount, movement_kind, description, posted_at)
    SELECT 'OPENING-' || a.account_number, 'INT-OPENING', -a.balance, 'OPENING', 'opening balance of ' || a.account_number, CURRENT_TIMESTAMP
    FROM ledger_account a
    WHERE a.account_number IN ('6222020000000001', '6222020000000002')
      AND NOT EXISTS (SELECT 1 FROM posting p WHERE p.movement_ref = 'OPENING-' || a.account_number AND p.account_number = 'INT-OPENING');
UPDATE ledger_account SET balance = (SELECT COALESCE(SUM(p.amount), 0) FROM posting p WHERE p.account_number = 'INT-OPENING')
    WHERE account_number = 'INT-OPENING';

-- Phone-channel limits for the demo customers: 5,000.00 per transfer, 20,000.00 a day.
UPDATE ledger_account SET per_transfer_limit = 5000.00, daily_limit = 20000.00
    WHERE account_number IN ('6222020000000001', '6222020000000002');

INSERT INTO bank_card (card_number, account_number, status, pin_hash, pin_salt, pin_iterations)
    VALUES ('6222020000000001', '6222020000000001', 'ACTIVE', 'S/MWUuW9FJ70QK5tjSfwGILJEBhF1IEDb4vCy7mRr7E=', 'rAPstXobgB+nO8y14V/3QA==', 120000);
INSERT INTO bank_card (card_number, account_number, status, pin_hash, pin_salt, pin_iterations)
    VALUES ('6222020000000002', '6222020000000002', 'ACTIVE', 'HoYYHfUdYeIVQW4+SWINe74fECjajEkxcG4JtZSqXI8=', 'viXY/4p4rzMWajjYxJWfPQ==', 120000);

INSERT INTO payee (owner_account, payee_account, payee_name) VALUES ('6222020000000001', '6222020000000002', '李四');

INSERT INTO ledger_account (account_number, holder_name, kind, balance) VALUES ('INT-UTIL-GZPOWER', '广州供电局 collections', 'INTERNAL', 0);
INSERT INTO utility_bill (bill_number, utility_customer, biller_account, billing_period, amount, status)
    VALUES ('B-U100001-2026-01', 'U100001', 'INT-UTIL-GZPOWER', '2026-01', 128.50, 'UNPAID');
