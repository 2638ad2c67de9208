-- Issue 17, the OA hook (R-9.2): a department that works in its own OA system (办公自动化) rather than
-- in Kefu's department portal gets its tickets' dispatches and status changes on queue
-- kefu.tickets.oa.out and reports back on kefu.tickets.oa.in; the OA system signs in to the broker
-- as a user with role 'oa'. Departments not linked to an OA system send nothing there, so that the
-- queue does not fill up where no OA system reads it.
ALTER TABLE department ADD works_in_oa CHAR(1) DEFAULT 'N' NOT NULL;
ALTER TABLE department ADD CONSTRAINT ck_department_works_in_oa CHECK (works_in_oa IN ('Y', 'N'));

ALTER TABLE app_user_role DROP CONSTRAINT ck_app_user_role;
ALTER TABLE app_user_role ADD CONSTRAINT ck_app_user_role CHECK (role_name IN ('agent', 'supervisor', 'admin', 'backoffice',
    'branch', 'department', 'oa'));
