package org.kefu.ivr;

/** Where a transfer node sends the caller. */
public enum TransferKind {
    /** An ACD queue by name (banking, vip, securities, utilities, english, hotline). */
    QUEUE,
    /** One agent by job number. */
    AGENT,
    /** A telephone number or extension. */
    NUMBER
}
