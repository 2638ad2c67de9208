-- Demo center (shared/DEMO-CENTER.md): 李四 is utility customer U100002 and wants reminders by
-- e-mail; 张三 has an address too but gets them by SMS (to 13800138000, the default for a mobile).
UPDATE customer SET email = 'zhangsan@example.com' WHERE id_number = '440101198001010017';
UPDATE customer SET email = 'lisi@example.com', notice_channel = 'EMAIL' WHERE id_number = '440101198502020029';
INSERT INTO customer_account (account_number, customer_id, kind, branch_code) VALUES ('U100002', (SELECT id FROM customer WHERE id_number = '440101198502020029'), 'UTILITY', NULL);
