package org.kefu.telephony.ra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import org.kefu.telephony.LinkStatus;
import org.kefu.telephony.SwitchConnection;
import org.kefu.telephony.SwitchConnectionFactory;
import org.kefu.telephony.TelephonyException;

import javax.naming.Reference;

/** What JNDI hands the application under java:/eis/kefu/Switch. */
class SwitchConnectionFactoryImpl implements SwitchConnectionFactory {

    private static final long serialVersionUID = 1L;

    private final transient SwitchManagedConnectionFactory mcf;
    private final transient ConnectionManager cm;
    private Reference reference;

    SwitchConnectionFactoryImpl(SwitchManagedConnectionFactory mcf, ConnectionManager cm) {
        this.mcf = mcf;
        this.cm = cm;
    }

    @Override
    public SwitchConnection getConnection() throws TelephonyException {
        try {
            return (SwitchConnection) cm.allocateConnection(mcf, null);
        } catch (ResourceException e) {
            throw new TelephonyException("no connection to the switch: " + e.getMessage(), e);
        }
    }

    @Override
    public LinkStatus linkStatus() {
        return mcf.linkStatus();
    }

    @Override
    public String warmUp(String number, int calls, int perSecond, long holdMillis) {
        return mcf.warmUp(number, calls, perSecond, holdMillis);
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
