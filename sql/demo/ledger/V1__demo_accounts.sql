-- Demo ledger (shared/DEMO-CENTER.md): 张三 10,000.00 CNY, 李四 2,000.00 CNY.
INSERT INTO ledger_account (account_number, holder_name, kind, balance) VALUES ('6222020000000001', '张三', 'CUSTOMER', 10000.00);
INSERT INTO ledger_account (account_number, holder_name, kind, balance) VALUES ('6222020000000002', '李四', 'CUSTOMER', 2000.00);
