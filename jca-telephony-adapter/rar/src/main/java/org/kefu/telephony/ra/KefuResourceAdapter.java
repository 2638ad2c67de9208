package org.kefu.telephony.ra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkManager;
import org.jboss.logging.Logger;
import org.kefu.telephony.LinkStatus;

import javax.transaction.xa.XAResource;
import java.util.List;
import java.util.Objects;

/**
 * The telephony resource adapter: owns the switch links for the lifetime of the deployment.
 * Configured in ra.xml / ironjacamar.xml; every value can be overridden by a system property
 * expression there (for example -Dkefu.sip.port=15060 in tests).
 */
public class KefuResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(KefuResourceAdapter.class);

    private String sipHost = "0.0.0.0";
    private Integer sipPort = 5060;
    private volatile WorkManager workManager;
    private volatile EventDispatcher events;
    private volatile SwitchLink link;
    private volatile LinkStatus status = LinkStatus.down("adapter not started");

    @Override
    public void start(BootstrapContext ctx) throws ResourceAdapterInternalException {
        this.workManager = ctx.getWorkManager();
        this.events = new EventDispatcher(workManager);
        String where = sipHost + ":" + sipPort;
        // The SIP link proper arrives with the telephony issue; until then the adapter reports
        // itself as deployed and names the address it is configured for.
        status = new LinkStatus(true, List.of("sip:udp " + where, "sip:tcp " + where), "configured");
        LOG.infof("Kefu telephony adapter started (SIP configured on %s)", where);
    }

    @Override
    public void stop() {
        status = LinkStatus.down("adapter stopped");
        LOG.info("Kefu telephony adapter stopped");
    }

    public LinkStatus linkStatus() {
        return status;
    }

    SwitchLink link() throws org.kefu.telephony.TelephonyException {
        SwitchLink current = link;
        if (current == null) {
            throw new org.kefu.telephony.TelephonyException("the switch link is not running: " + status.detail());
        }
        return current;
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof CallEventActivationSpec)) {
            throw new jakarta.resource.NotSupportedException("unknown activation spec " + spec.getClass().getName());
        }
        events.activate(factory);
        LOG.infof("Call events now delivered to %s", factory.getActivationName());
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        events.deactivate(factory);
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return null; // a switch is no XA resource: call control is idempotent, not transactional
    }

    public String getSipHost() {
        return sipHost;
    }

    public void setSipHost(String sipHost) {
        this.sipHost = sipHost;
    }

    public Integer getSipPort() {
        return sipPort;
    }

    public void setSipPort(Integer sipPort) {
        this.sipPort = sipPort;
    }

    // JCA requires equals/hashCode on the adapter bean; identity over its configuration.
    @Override
    public boolean equals(Object o) {
        return o instanceof KefuResourceAdapter other
                && Objects.equals(sipHost, other.sipHost) && Objects.equals(sipPort, other.sipPort);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sipHost, sipPort);
    }
}
