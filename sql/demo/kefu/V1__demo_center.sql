-- The demo center of shared/DEMO-CENTER.md. Applied only when kefu.demo=true (the default for
-- the embedded start); production sets -Dkefu.demo=false and has none of these users.
-- Every demo user's password is 'kefu2026' (bcrypt, cost 10); the README says so.

INSERT INTO app_user (login, display_name, password_hash, preferred_locale) VALUES ('1001', '王芳', '$2a$10$z14pK1OCWD.fCXeFb7gfhu5URnx9XkXdyN9RIhilkpwOyp.JIviP.', 'zh-CN');
INSERT INTO app_user (login, display_name, password_hash, preferred_locale) VALUES ('1002', '李娜', '$2a$10$z14pK1OCWD.fCXeFb7gfhu5URnx9XkXdyN9RIhilkpwOyp.JIviP.', 'zh-CN');
INSERT INTO app_user (login, display_name, password_hash, preferred_locale) VALUES ('1003', '张伟', '$2a$10$z14pK1OCWD.fCXeFb7gfhu5URnx9XkXdyN9RIhilkpwOyp.JIviP.', 'zh-CN');
INSERT INTO app_user (login, display_name, password_hash, preferred_locale) VALUES ('1004', '刘洋', '$2a$10$z14pK1OCWD.fCXeFb7gfhu5URnx9XkXdyN9RIhilkpwOyp.JIviP.', 'zh-CN');
INSERT INTO app_user (login, display_name, password_hash, preferred_locale) VALUES ('1005', '陈静', '$2a$10$z14pK1OCWD.fCXeFb7gfhu5URnx9XkXdyN9RIhilkpwOyp.JIviP.', 'zh-CN');
INSERT INTO app_user (login, display_name, password_hash, preferred_locale) VALUES ('1006', '赵强', '$2a$10$z14pK1OCWD.fCXeFb7gfhu5URnx9XkXdyN9RIhilkpwOyp.JIviP.', 'zh-CN');
INSERT INTO app_user (login, display_name, password_hash, preferred_locale) VALUES ('bo', 'Back office', '$2a$10$z14pK1OCWD.fCXeFb7gfhu5URnx9XkXdyN9RIhilkpwOyp.JIviP.', 'en');

INSERT INTO app_user_role (login, role_name) VALUES ('1001', 'agent');
INSERT INTO app_user_role (login, role_name) VALUES ('1002', 'agent');
INSERT INTO app_user_role (login, role_name) VALUES ('1003', 'agent');
INSERT INTO app_user_role (login, role_name) VALUES ('1004', 'agent');
-- A supervisor also takes calls.
INSERT INTO app_user_role (login, role_name) VALUES ('1005', 'supervisor');
INSERT INTO app_user_role (login, role_name) VALUES ('1005', 'agent');
INSERT INTO app_user_role (login, role_name) VALUES ('1006', 'admin');
INSERT INTO app_user_role (login, role_name) VALUES ('bo', 'backoffice');

INSERT INTO skill (code, name_zh, name_en) VALUES ('banking', '银行业务', 'Banking');
INSERT INTO skill (code, name_zh, name_en) VALUES ('securities', '证券业务', 'Securities');
INSERT INTO skill (code, name_zh, name_en) VALUES ('utilities', '水电燃气', 'Utilities');
INSERT INTO skill (code, name_zh, name_en) VALUES ('mandarin', '普通话', 'Mandarin');
INSERT INTO skill (code, name_zh, name_en) VALUES ('english', '英语', 'English');

INSERT INTO agent (job_number, extension) VALUES ('1001', '8001');
INSERT INTO agent (job_number, extension) VALUES ('1002', '8002');
INSERT INTO agent (job_number, extension) VALUES ('1003', '8003');
INSERT INTO agent (job_number, extension) VALUES ('1004', '8004');
INSERT INTO agent (job_number, extension) VALUES ('1005', '8005');
INSERT INTO agent (job_number, extension) VALUES ('1006', '8006');

INSERT INTO agent_skill (job_number, skill_code, skill_level) VALUES ('1001', 'banking', 8);
INSERT INTO agent_skill (job_number, skill_code, skill_level) VALUES ('1001', 'mandarin', 9);
INSERT INTO agent_skill (job_number, skill_code, skill_level) VALUES ('1002', 'banking', 5);
INSERT INTO agent_skill (job_number, skill_code, skill_level) VALUES ('1002', 'securities', 7);
INSERT INTO agent_skill (job_number, skill_code, skill_level) VALUES ('1002', 'english', 8);
INSERT INTO agent_skill (job_number, skill_code, skill_level) VALUES ('1003', 'utilities', 9);
INSERT INTO agent_skill (job_number, skill_code, skill_level) VALUES ('1003', 'mandarin', 9);
INSERT INTO agent_skill (job_number, skill_code, skill_level) VALUES ('1004', 'securities', 9);
INSERT INTO agent_skill (job_number, skill_code, skill_level) VALUES ('1004', 'banking', 3);
INSERT INTO agent_skill (job_number, skill_code, skill_level) VALUES ('1005', 'banking', 10);
INSERT INTO agent_skill (job_number, skill_code, skill_level) VALUES ('1005', 'securities', 10);
INSERT INTO agent_skill (job_number, skill_code, skill_level) VALUES ('1005', 'utilities', 10);
INSERT INTO agent_skill (job_number, skill_code, skill_level) VALUES ('1005', 'mandarin', 10);
INSERT INTO agent_skill (job_number, skill_code, skill_level) VALUES ('1005', 'english', 10);

INSERT INTO call_queue (code, name_zh, name_en, strategy) VALUES ('banking', '银行业务', 'Banking', 'MOST_SKILLED');
INSERT INTO call_queue (code, name_zh, name_en, strategy, max_wait_seconds, overflow_queue) VALUES ('vip', '贵宾', 'VIP', 'LONGEST_IDLE', 30, 'banking');
INSERT INTO call_queue (code, name_zh, name_en, strategy) VALUES ('securities', '证券业务', 'Securities', 'LONGEST_IDLE');
INSERT INTO call_queue (code, name_zh, name_en, strategy) VALUES ('utilities', '水电燃气', 'Utilities', 'LONGEST_IDLE');
INSERT INTO call_queue (code, name_zh, name_en, strategy) VALUES ('english', '英语服务', 'English', 'LONGEST_IDLE');
INSERT INTO call_queue (code, name_zh, name_en, strategy) VALUES ('hotline', '热线', 'Hotline', 'FEWEST_CALLS');

INSERT INTO queue_skill_requirement (queue_code, skill_code, min_level) VALUES ('banking', 'banking', 3);
INSERT INTO queue_skill_requirement (queue_code, skill_code, min_level) VALUES ('vip', 'banking', 7);
INSERT INTO queue_skill_requirement (queue_code, skill_code, min_level) VALUES ('securities', 'securities', 5);
INSERT INTO queue_skill_requirement (queue_code, skill_code, min_level) VALUES ('utilities', 'utilities', 5);
INSERT INTO queue_skill_requirement (queue_code, skill_code, min_level) VALUES ('english', 'english', 6);

INSERT INTO customer (name, id_number, vip_level, lang, address) VALUES ('张三', '440101198001010011', 3, 'zh-CN', '广州市天河区体育西路1号');
INSERT INTO customer (name, id_number, vip_level, lang, address) VALUES ('李四', '440101198502020022', 0, 'zh-CN', '广州市越秀区北京路2号');
INSERT INTO customer (name, id_number, vip_level, lang, address) VALUES ('王五', '440101199003030033', 0, 'zh-CN', NULL);

INSERT INTO customer_phone (customer_id, phone, kind) VALUES ((SELECT id FROM customer WHERE id_number = '440101198001010011'), '13800138000', 'MOBILE');
INSERT INTO customer_phone (customer_id, phone, kind) VALUES ((SELECT id FROM customer WHERE id_number = '440101198502020022'), '13900139000', 'MOBILE');
INSERT INTO customer_phone (customer_id, phone, kind) VALUES ((SELECT id FROM customer WHERE id_number = '440101199003030033'), '13700137000', 'MOBILE');

INSERT INTO customer_account (account_number, customer_id, kind, branch_code) VALUES ('6222020000000001', (SELECT id FROM customer WHERE id_number = '440101198001010011'), 'BANK', NULL);
INSERT INTO customer_account (account_number, customer_id, kind, branch_code) VALUES ('6222020000000002', (SELECT id FROM customer WHERE id_number = '440101198502020022'), 'BANK', NULL);
INSERT INTO customer_account (account_number, customer_id, kind, branch_code) VALUES ('U100001', (SELECT id FROM customer WHERE id_number = '440101198001010011'), 'UTILITY', NULL);
INSERT INTO customer_account (account_number, customer_id, kind, branch_code) VALUES ('S0100001', (SELECT id FROM customer WHERE id_number = '440101198001010011'), 'SECURITIES', 'GZ01');
INSERT INTO customer_account (account_number, customer_id, kind, branch_code) VALUES ('S0400002', (SELECT id FROM customer WHERE id_number = '440101198502020022'), 'SECURITIES', 'GZ04');

INSERT INTO phone_list_entry (phone, list_kind, reason) VALUES ('13700137000', 'BLACK', 'demo: nuisance caller');
