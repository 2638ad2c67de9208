-- Demo center: handling departments for the tickets of 12345 and 96000, their handlers (role
-- 'department', the demo password of the README) and where each category goes.
INSERT INTO app_user (login, display_name, password_hash, preferred_locale) VALUES ('2001', '黄磊', '$2a$10$z14pK1OCWD.fCXeFb7gfhu5URnx9XkXdyN9RIhilkpwOyp.JIviP.', 'zh-CN');
INSERT INTO app_user (login, display_name, password_hash, preferred_locale) VALUES ('2002', '周敏', '$2a$10$z14pK1OCWD.fCXeFb7gfhu5URnx9XkXdyN9RIhilkpwOyp.JIviP.', 'zh-CN');
INSERT INTO app_user (login, display_name, password_hash, preferred_locale) VALUES ('2003', '孙浩', '$2a$10$z14pK1OCWD.fCXeFb7gfhu5URnx9XkXdyN9RIhilkpwOyp.JIviP.', 'zh-CN');
INSERT INTO app_user_role (login, role_name) VALUES ('2001', 'department');
INSERT INTO app_user_role (login, role_name) VALUES ('2002', 'department');
INSERT INTO app_user_role (login, role_name) VALUES ('2003', 'department');

INSERT INTO department (code, parent_code, name_zh, name_en, head_login) VALUES ('CITY', NULL, '市政府工作部门', 'City departments', NULL);
INSERT INTO department (code, parent_code, name_zh, name_en, head_login) VALUES ('POWER', 'CITY', '供电局', 'Power supply bureau', '2001');
INSERT INTO department (code, parent_code, name_zh, name_en, head_login) VALUES ('POWER-SZ', 'CITY', '深圳供电局', 'Shenzhen power supply bureau', NULL);
INSERT INTO department (code, parent_code, name_zh, name_en, head_login) VALUES ('WATER', 'CITY', '自来水公司', 'Water company', '2002');
INSERT INTO department (code, parent_code, name_zh, name_en, head_login) VALUES ('URBAN', 'CITY', '城市管理局', 'Urban management bureau', NULL);
INSERT INTO department (code, parent_code, name_zh, name_en, head_login) VALUES ('BANK-CARDS', NULL, '信用卡中心', 'Card centre', NULL);

INSERT INTO department_member (department_code, login) VALUES ('POWER', '2001');
INSERT INTO department_member (department_code, login) VALUES ('POWER', '2003');
INSERT INTO department_member (department_code, login) VALUES ('WATER', '2002');

INSERT INTO ticket_dispatch_rule (category_code, province, city, department_code) VALUES ('POWER', NULL, NULL, 'POWER');
INSERT INTO ticket_dispatch_rule (category_code, province, city, department_code) VALUES ('POWER', '广东', '深圳', 'POWER-SZ');
INSERT INTO ticket_dispatch_rule (category_code, province, city, department_code) VALUES ('WATER', NULL, NULL, 'WATER');
INSERT INTO ticket_dispatch_rule (category_code, province, city, department_code) VALUES ('REPAIR', NULL, NULL, 'POWER');
INSERT INTO ticket_dispatch_rule (category_code, province, city, department_code) VALUES ('PUBLIC', NULL, NULL, 'URBAN');
INSERT INTO ticket_dispatch_rule (category_code, province, city, department_code) VALUES ('CARDS', NULL, NULL, 'BANK-CARDS');
