package org.kefu.security;

public enum AuditOutcome {
    SUCCESS, FAILURE, DENIED
}
