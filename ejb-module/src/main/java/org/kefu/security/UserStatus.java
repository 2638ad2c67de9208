package org.kefu.security;

/** ACTIVE users may log in; LOCKED ones were locked by failed logins or an admin; DISABLED left. */
public enum UserStatus {
    ACTIVE, LOCKED, DISABLED
}
