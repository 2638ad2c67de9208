-- Demo ledger (shared/DEMO-CENTER.md): 张三's bill of 128.50 fell due on 2026-02-15; 李四 (utility
-- customer U100002) owes 86.20 for 2026-10, due 2026-11-15. Both are overdue for dunning.
UPDATE utility_bill SET due_date = DATE '2026-02-15' WHERE bill_number = 'B-U100001-2026-01';
INSERT INTO utility_bill (bill_number, utility_customer, biller_account, billing_period, amount, status, due_date)
    VALUES ('B-U100002-2026-10', 'U100002', 'INT-UTIL-GZPOWER', '2026-10', 86.20, 'UNPAID', DATE '2026-11-15');
