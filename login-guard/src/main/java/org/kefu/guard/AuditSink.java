package org.kefu.guard;

/** Where the guard writes the audit trail (the table audit_event in KefuDS, see {@link JdbcAudit}). */
public interface AuditSink {

    AuditSink NONE = (actor, action, target, success, detail, source) -> {
    };

    void record(String actor, String action, String target, boolean success, String detail, String source);
}
