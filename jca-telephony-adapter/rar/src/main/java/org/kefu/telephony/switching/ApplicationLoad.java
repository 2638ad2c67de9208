package org.kefu.telephony.switching;

/**
 * What the application side of the switch (the adapter's event and SIP workers, the watchdog) says
 * of new calls, asked on the SIP thread for every new INVITE: cheap, never blocking.
 */
@FunctionalInterface
public interface ApplicationLoad {

    /** Why no new call may come in at all now (nobody listens, work is stuck), or null. */
    String refusal();

    /** Why the application side is overloaded now, or null; new calls are then let in at a reduced rate. */
    default String overload() {
        return null;
    }
}
