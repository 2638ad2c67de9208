package org.kefu.telephony;

/**
 * The keys of a call's data ({@link SwitchConnection#attachData}, {@link SwitchConnection#callData},
 * {@link CallEvent.Delivered#data()}): the names under which the switch and the application leave
 * facts on a call for each other and for whoever takes the call next (a transfer keeps them). One
 * place for them, so that a writer and its readers cannot drift apart by a typo.
 */
public final class CallData {

    // Written by the switch when a call arrives or is placed.

    /** The caller's number as the switch received it. */
    public static final String ANI = "kefu.ani";
    /** The number the caller dialled (a service number or a desk extension). */
    public static final String DNIS = "kefu.dnis";
    /** The registered desk extension the call came from, when it came from one. */
    public static final String FROM_EXTENSION = "kefu.fromExtension";
    /** On a consultation call: the connection of the original call the agent put on hold. */
    public static final String CONSULTATION_OF = "kefu.consultationOf";

    // Written by the application.

    /** The service (entry) the call came in by: hotline, banking ... */
    public static final String ENTRY = "kefu.entry";
    /** The caller's language chosen in the IVR ("en" or "zh-CN"). */
    public static final String LANG = "kefu.lang";
    /** The queue the ACD offered the call from. */
    public static final String QUEUE = "kefu.queue";
    /** The job number of the agent the call was offered to or placed by. */
    public static final String AGENT = "kefu.agent";
    /** Seconds the caller waited in the queue before the offer. */
    public static final String WAIT_SECONDS = "kefu.waitSeconds";
    /** The recognised customer's id. */
    public static final String CUSTOMER_ID = "kefu.customerId";
    /** The number an agent dialled (click to dial, soft phone). */
    public static final String DIALLED = "kefu.dialled";
    /** On a callback Kefu dials: its request and attempt ("42:1"). */
    public static final String CALLBACK = "kefu.callback";
    /** On a dunning reminder Kefu calls out with (an IVR flow speaks it): the reminder's id. */
    public static final String DUNNING_NOTICE = "kefu.dunningNotice";
    /** On a satisfaction visit's call Kefu places (an IVR flow asks the questions): the ticket's number. */
    public static final String TICKET_VISIT = "kefu.ticketVisit";
    /** The job number of the agent who transferred the call to a queue. */
    public static final String TRANSFERRED_BY = "kefu.transferredBy";
    /** The entry menu's choice. */
    public static final String MENU_CHOICE = "kefu.menuChoice";
    /** The agent a returning caller asked for (the last one who served the number). */
    public static final String LAST_AGENT = "kefu.lastAgent";
    /** White list (green channel): the queue and, when set, the agent the call goes straight to. */
    public static final String GREEN_QUEUE = "kefu.greenQueue";
    public static final String GREEN_AGENT = "kefu.greenAgent";
    /** The inbound routing rule that matched, its target kind, target code and announcement. */
    public static final String RULE = "kefu.rule";
    public static final String RULE_TARGET = "kefu.ruleTarget";
    public static final String RULE_TARGET_CODE = "kefu.ruleTargetCode";
    public static final String RULE_ANNOUNCEMENT = "kefu.ruleAnnouncement";
    /** The queue whose voicemail box a caller's message goes to. */
    public static final String VOICEMAIL_QUEUE = "kefu.voicemailQueue";

    private CallData() {
    }
}
