package org.kefu.telephony.ra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import org.kefu.telephony.LinkStatus;
import org.kefu.telephony.switching.SwitchLink;

import javax.security.auth.Subject;
import java.io.PrintWriter;
import java.util.Set;

/** Outbound side: the container pools {@link SwitchManagedConnection}s made here. */
public class SwitchManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation {

    private static final long serialVersionUID = 1L;

    private transient KefuResourceAdapter adapter;
    private transient PrintWriter logWriter;

    @Override
    public Object createConnectionFactory(ConnectionManager cm) {
        return new SwitchConnectionFactoryImpl(this, cm);
    }

    @Override
    public Object createConnectionFactory() throws ResourceException {
        throw new jakarta.resource.NotSupportedException("the switch is only available inside the application server");
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) {
        return new SwitchManagedConnection(this);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public ManagedConnection matchManagedConnections(Set candidates, Subject subject, ConnectionRequestInfo info) {
        // All connections are alike: no per-user state.
        for (Object candidate : candidates) {
            if (candidate instanceof SwitchManagedConnection mc && mc.factory() == this) {
                return mc;
            }
        }
        return null;
    }

    LinkStatus linkStatus() {
        KefuResourceAdapter ra = adapter;
        return ra == null ? LinkStatus.down("adapter not associated") : ra.linkStatus();
    }

    String warmUp(String number, int calls, int perSecond, long holdMillis) {
        KefuResourceAdapter ra = adapter;
        return ra == null ? "no warm-up: adapter not associated" : ra.warmUp(number, calls, perSecond, holdMillis);
    }

    SwitchLink link() throws org.kefu.telephony.TelephonyException {
        KefuResourceAdapter ra = adapter;
        if (ra == null) {
            throw new org.kefu.telephony.TelephonyException("the telephony adapter is not started");
        }
        return ra.link();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return adapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) {
        this.adapter = (KefuResourceAdapter) ra;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
