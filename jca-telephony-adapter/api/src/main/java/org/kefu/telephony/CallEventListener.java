package org.kefu.telephony;

/**
 * The message listener interface of the telephony adapter's inbound side: a message-driven bean
 * implementing it receives every call event of the switch, per call in order.
 */
public interface CallEventListener {

    void onCallEvent(CallEvent event);
}
