package org.kefu.calls;

/**
 * Who answers for a call now: the one component that receives its caller's media events (keys,
 * prompts finished, recordings) from the {@code callflow}'s event router. Each owner hands the call
 * on by naming the next one ({@link CallSessions#handTo}); nobody reads a step back from the switch.
 */
public enum CallOwner {
    /** The number plan (callflow): routing rules, green channel, the entry menu, voicemail, a dialled desk. */
    ENTRY,
    /** An IVR flow (ivr.calls) runs the call until it ends or hands the caller over. */
    IVR,
    /** The ACD: the caller waits in a queue (music, "9 for a callback") until an agent answers. */
    QUEUE,
    /** The caller talks with an agent; the caller's keys mean nothing to Kefu. */
    AGENT,
    /** The agent holds while the caller keys a card PIN (assisted banking). */
    ASSISTED_BANKING,
    /** The caller hears a last prompt, then the call ends ({@link CallerPrompts#goodbye}). */
    GOODBYE,
    /**
     * A call Kefu places (a callback from an agent's desk): the customer's answer or failure is
     * the outbound side's to record; the agent's leg stays the ACD's.
     */
    OUTBOUND
}
