-- Issue 14 item 6: the role of a securities branch's trading system, the only one that may answer
-- orders on kefu.securities.replies and take them off kefu.securities.GZ0n (broker security in
-- wildfly-config/cli/security.cli). No user has it unless an administrator gives it.
ALTER TABLE app_user_role DROP CONSTRAINT ck_app_user_role;
ALTER TABLE app_user_role ADD CONSTRAINT ck_app_user_role CHECK (role_name IN ('agent', 'supervisor', 'admin', 'backoffice', 'branch'));
