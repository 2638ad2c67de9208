package org.kefu.callflow;

/**
 * Where a call stands in the entry menu. Kept on the call's own data in the switch
 * ({@code CallData.STEP}), so it travels with the call and needs no table: events of a call arrive in order.
 */
enum CallFlowStep {
    MENU, MENU_RETRY, IVR, GREEN_CHANNEL, WAITING_FOR_AGENT, WITH_AGENT, SAYING_GOODBYE, DIRECT_DIAL,
    /** A routing rule chose the call's target; its announcement plays first. */
    RULE, RULE_ANNOUNCEMENT,
    /** The caller hears "leave a message after the tone", then is recorded. */
    VOICEMAIL_PROMPT, VOICEMAIL
}
