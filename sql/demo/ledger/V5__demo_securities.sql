-- Demo securities (shared/DEMO-CENTER.md): 张三's account GZ01000001 at branch GZ01 (JMS
-- protocol) with 50,000.00 cash and 1,000 shares of 600000; 李四's account GZ04000002 at GZ04
-- (table protocol) with 20,000.00 cash and 500 shares of 000001. Opening cash is posted against
-- INT-OPENING, opening shares against SEC-OPENING, so money and shares both sum to zero.
INSERT INTO ledger_account (account_number, holder_name, kind, balance) VALUES ('SEC-GZ01000001', '张三', 'SECURITIES', 0);
INSERT INTO ledger_account (account_number, holder_name, kind, balance) VALUES ('SEC-GZ04000002', '李四', 'SECURITIES', 0);
INSERT INTO sec_account (account_id, holder_name, kind, branch_code, cash_account, bank_account) VALUES ('GZ01000001', '张三', 'CUSTOMER', 'GZ01', 'SEC-GZ01000001', '6222020000000001');
INSERT INTO sec_account (account_id, holder_name, kind, branch_code, cash_account, bank_account) VALUES ('GZ04000002', '李四', 'CUSTOMER', 'GZ04', 'SEC-GZ04000002', '6222020000000002');

INSERT INTO posting (movement_ref, account_number, amount, movement_kind, description, posted_at) VALUES ('OPENING-SEC-GZ01000001', 'SEC-GZ01000001', 50000.00, 'OPENING', 'opening balance', CURRENT_TIMESTAMP);
INSERT INTO posting (movement_ref, account_number, amount, movement_kind, description, posted_at) VALUES ('OPENING-SEC-GZ01000001', 'INT-OPENING', -50000.00, 'OPENING', 'opening balance of SEC-GZ01000001', CURRENT_TIMESTAMP);
INSERT INTO posting (movement_ref, account_number, amount, movement_kind, description, posted_at) VALUES ('OPENING-SEC-GZ04000002', 'SEC-GZ04000002', 20000.00, 'OPENING', 'opening balance', CURRENT_TIMESTAMP);
INSERT INTO posting (movement_ref, account_number, amount, movement_kind, description, posted_at) VALUES ('OPENING-SEC-GZ04000002', 'INT-OPENING', -20000.00, 'OPENING', 'opening balance of SEC-GZ04000002', CURRENT_TIMESTAMP);
UPDATE ledger_account SET balance = 50000.00 WHERE account_number = 'SEC-GZ01000001';
UPDATE ledger_account SET balance = 20000.00 WHERE account_number = 'SEC-GZ04000002';
UPDATE ledger_account SET balance = (SELECT COALESCE(SUM(p.amount), 0) FROM posting p WHERE p.account_number = 'INT-OPENING')
    WHERE account_number = 'INT-OPENING';

INSERT INTO sec_position (account_id, stock_code, quantity) VALUES ('GZ01000001', '600000', 1000);
INSERT INTO sec_position (account_id, stock_code, quantity) VALUES ('GZ04000002', '000001', 500);
INSERT INTO sec_position (account_id, stock_code, quantity) VALUES ('SEC-OPENING', '600000', -1000);
INSERT INTO sec_position (account_id, stock_code, quantity) VALUES ('SEC-OPENING', '000001', -500);

-- Quotes (the back office refreshes them with the command quote.update).
INSERT INTO sec_quote (stock_code, stock_name, prev_close, last_price, updated_at) VALUES ('600000', '浦发银行', 10.00, 10.05, CURRENT_TIMESTAMP);
INSERT INTO sec_quote (stock_code, stock_name, prev_close, last_price, updated_at) VALUES ('600036', '招商银行', 40.00, 40.20, CURRENT_TIMESTAMP);
INSERT INTO sec_quote (stock_code, stock_name, prev_close, last_price, updated_at) VALUES ('000001', '平安银行', 11.00, 10.98, CURRENT_TIMESTAMP);
INSERT INTO sec_quote (stock_code, stock_name, prev_close, last_price, updated_at) VALUES ('601318', '中国平安', 50.00, 50.50, CURRENT_TIMESTAMP);
INSERT INTO sec_quote (stock_code, stock_name, prev_close, last_price, updated_at) VALUES ('000002', '万科A', 7.00, 6.95, CURRENT_TIMESTAMP);
