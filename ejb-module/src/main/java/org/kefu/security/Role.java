package org.kefu.security;

/** The roles of Kefu; the strings are what the realm, web.xml and @RolesAllowed use. */
public final class Role {

    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";
    public static final String BACKOFFICE = "backoffice";
    /** A securities branch's trading system: answers orders over JMS (broker security only). */
    public static final String BRANCH = "branch";
    /** A handler in a department (承办单位): works the tickets dispatched to their departments. */
    public static final String DEPARTMENT = "department";
    /** An OA system (办公自动化) of departments: reads their tickets' steps and reports back over JMS (broker security only). */
    public static final String OA = "oa";

    private Role() {
    }
}
