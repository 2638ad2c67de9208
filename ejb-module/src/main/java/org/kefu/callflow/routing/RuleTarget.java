package org.kefu.callflow.routing;

/** Where a matching rule sends a call. */
public enum RuleTarget {
    /** Straight to an ACD queue (target = queue code), no menu. */
    QUEUE,
    /** An IVR flow (target = flow id). */
    IVR,
    /** The caller leaves a message (target = the queue it is for, optional). */
    VOICEMAIL,
    /** Refused: busy before answer, or hung up after the rule's announcement. */
    REJECT,
    /** The number's usual handling (its flow or the entry menu), after the announcement. */
    MENU
}
