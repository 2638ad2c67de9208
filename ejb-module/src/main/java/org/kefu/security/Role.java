package org.kefu.security;

/** The four roles of Kefu; the strings are what the realm, web.xml and @RolesAllowed use. */
public final class Role {

    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";
    public static final String BACKOFFICE = "backoffice";

    private Role() {
    }
}
