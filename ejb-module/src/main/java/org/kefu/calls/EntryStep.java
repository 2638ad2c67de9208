package org.kefu.calls;

/** Where a call stands in the number plan while {@link CallOwner#ENTRY} owns it. */
public enum EntryStep {
    /** Answered: the number's flow or the entry menu starts once the caller is connected. */
    MENU,
    /** The caller keyed a wrong choice once: one more try, then goodbye. */
    MENU_RETRY,
    /** White-listed caller: straight to the set queue once answered. */
    GREEN_CHANNEL,
    /** A routing rule chose the call's target; once answered, its announcement or the target. */
    RULE,
    /** The rule's announcement plays; its target follows. */
    RULE_ANNOUNCEMENT,
    /** "Leave a message after the tone". */
    VOICEMAIL_PROMPT,
    /** The caller's message is being recorded. */
    VOICEMAIL,
    /** A call to a desk extension rings that phone: its end ends the call. */
    DIRECT_DIAL
}
