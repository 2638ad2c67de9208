package org.kefu.telephony.sip;

/** Told when an agent's phone appears or goes away (for agent presence). Must not block. */
public interface RegistrationListener {

    enum Reason { UNREGISTERED, EXPIRED }

    void registered(Binding binding);

    void unregistered(Binding binding, Reason reason);
}
