package org.kefu.calls;

import org.kefu.telephony.CallId;

import java.time.Instant;

/**
 * One call in the centre as the application sees it: who owns it now and, while the number plan
 * does, where it stands there. In memory only, one per call, from the moment Kefu takes the call
 * until it ends. The facts others read (the caller's number, the entry, the queue) stay on the
 * call's data in the switch, which travels with the call through transfers.
 */
public final class CallSession {

    private final CallId call;
    private final Instant opened;
    private volatile CallOwner owner;
    private volatile EntryStep step;

    CallSession(CallId call, Instant opened, CallOwner owner, EntryStep step) {
        this.call = call;
        this.opened = opened;
        this.owner = owner;
        this.step = step;
    }

    public CallId call() {
        return call;
    }

    public Instant opened() {
        return opened;
    }

    public CallOwner owner() {
        return owner;
    }

    /** The number plan's step; null once another owner has the call. */
    public EntryStep step() {
        return owner == CallOwner.ENTRY ? step : null;
    }

    /** Whether the number plan owns the call at {@code expected}. */
    public boolean at(EntryStep expected) {
        return owner == CallOwner.ENTRY && step == expected;
    }

    void handTo(CallOwner next) {
        owner = next;
    }

    void enter(EntryStep next) {
        step = next;
        owner = CallOwner.ENTRY;
    }

    @Override
    public String toString() {
        return call.value() + " " + owner + (owner == CallOwner.ENTRY ? " " + step : "");
    }
}
