package org.kefu.telephony.ra;

import org.kefu.telephony.LinkStatus;
import org.kefu.telephony.SwitchConnection;
import org.kefu.telephony.TelephonyException;

/** The application's handle; it forwards to whichever managed connection it is bound to. */
class SwitchConnectionImpl implements SwitchConnection {

    private volatile SwitchManagedConnection mc;

    SwitchConnectionImpl(SwitchManagedConnection mc) {
        this.mc = mc;
    }

    void reassign(SwitchManagedConnection mc) {
        this.mc = mc;
    }

    void invalidate() {
        this.mc = null;
    }

    private SwitchManagedConnection managed() throws TelephonyException {
        SwitchManagedConnection current = mc;
        if (current == null) {
            throw new TelephonyException("connection to the switch is closed");
        }
        return current;
    }

    @Override
    public LinkStatus linkStatus() throws TelephonyException {
        return managed().factory().linkStatus();
    }

    @Override
    public void close() {
        SwitchManagedConnection current = mc;
        if (current != null) {
            mc = null;
            current.closeHandle(this);
        }
    }
}
