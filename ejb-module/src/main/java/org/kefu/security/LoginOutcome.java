package org.kefu.security;

/** What the login screen may tell the person at the keyboard. */
public enum LoginOutcome {
    /** Logged in. */
    ACCEPTED,
    /** Wrong job number or password: deliberately not saying which. */
    REFUSED,
    /** Too many failures, or locked by an administrator: an administrator must unlock. */
    LOCKED
}
