-- Demo center: the urban management bureau works in its own OA system, which signs in to the
-- broker as 'oa' (the demo password of the README).
UPDATE department SET works_in_oa = 'Y' WHERE code = 'URBAN';
INSERT INTO app_user (login, display_name, password_hash, preferred_locale) VALUES ('oa', 'OA system', '$2a$10$z14pK1OCWD.fCXeFb7gfhu5URnx9XkXdyN9RIhilkpwOyp.JIviP.', 'zh-CN');
INSERT INTO app_user_role (login, role_name) VALUES ('oa', 'oa');
