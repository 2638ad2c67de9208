package org.kefu.telephony.ra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import org.jboss.logging.Logger;
import org.kefu.telephony.LinkStatus;
import org.kefu.telephony.TelephonyException;
import org.kefu.telephony.switching.SipSwitch;
import org.kefu.telephony.switching.SwitchConfig;
import org.kefu.telephony.switching.SwitchLink;

import javax.transaction.xa.XAResource;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The telephony resource adapter: owns the switch link (Kefu's own SIP switch) for the lifetime
 * of the deployment and delivers its events to message-driven beans. Configured in ra.xml and
 * ironjacamar.xml, where every value is an expression a system property can override
 * (for example -Dkefu.sip.port=15060 in the integration tests).
 */
public class KefuResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(KefuResourceAdapter.class);

    private String sipHost = "0.0.0.0";
    private Integer sipPort = 5060;
    private String advertisedHost = "127.0.0.1";
    private String trunkAcl = "127.0.0.0/8";
    private String sipRealm = "kefu";
    private Integer mediaPortMin = 20000;
    private Integer mediaPortMax = 29999;
    private String recordingDirectory = "";
    private String promptDirectory = "";
    private String outboundTrunk = "";

    private volatile EventDispatcher events;
    private volatile SwitchLink link;
    private volatile String failure = "adapter not started";

    /** A configured directory, or {@code <jboss.server.data.dir>/kefu/<name>} when none is set. */
    static Path orDataDir(String configured, String name) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("jboss.server.data.dir", "."), "kefu", name);
    }

    @Override
    public void start(BootstrapContext ctx) throws ResourceAdapterInternalException {
        WorkManager workManager = ctx.getWorkManager();
        this.events = new EventDispatcher(workManager);
        SwitchConfig config = new SwitchConfig(sipHost, sipPort, advertisedHost,
                Arrays.stream(trunkAcl.split("[,\\s]+")).filter(s -> !s.isBlank()).toList(), sipRealm,
                mediaPortMin, mediaPortMax, orDataDir(recordingDirectory, "recordings"), orDataDir(promptDirectory, "prompts"),
                outboundTrunk.isBlank() ? null : outboundTrunk);
        SipSwitch sipSwitch = new SipSwitch(config, onWorkManager(workManager), events::hasListeners);
        try {
            sipSwitch.start(events::dispatch);
            link = sipSwitch;
            LOG.infof("Kefu switch listening for SIP on %s:%d (udp, tcp), media ports %d-%d",
                    sipHost, sipPort, mediaPortMin, mediaPortMax);
        } catch (Exception e) {
            // The rest of Kefu still deploys; health and the banner say the switch is down and why.
            failure = "SIP on " + sipHost + ":" + sipPort + " could not start: " + e.getMessage();
            LOG.error(failure);
        }
    }

    /** SIP application work runs on the container's WorkManager, bounded by it. */
    private static Executor onWorkManager(WorkManager workManager) {
        return task -> {
            try {
                workManager.scheduleWork(new Work() {
                    @Override
                    public void run() {
                        task.run();
                    }

                    @Override
                    public void release() {
                        // short tasks; nothing to interrupt
                    }
                });
            } catch (WorkException e) {
                throw new RejectedExecutionException("WorkManager refused SIP work: " + e.getMessage(), e);
            }
        };
    }

    @Override
    public void stop() {
        SwitchLink current = link;
        link = null;
        failure = "adapter stopped";
        if (current != null) {
            current.stop();
        }
        LOG.info("Kefu telephony adapter stopped");
    }

    public LinkStatus linkStatus() {
        SwitchLink current = link;
        return current == null ? LinkStatus.down(failure) : current.linkStatus();
    }

    SwitchLink link() throws TelephonyException {
        SwitchLink current = link;
        if (current == null) {
            throw new TelephonyException("the switch link is not running: " + failure);
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

    public String getAdvertisedHost() {
        return advertisedHost;
    }

    public void setAdvertisedHost(String advertisedHost) {
        this.advertisedHost = advertisedHost;
    }

    public String getTrunkAcl() {
        return trunkAcl;
    }

    public void setTrunkAcl(String trunkAcl) {
        this.trunkAcl = trunkAcl;
    }

    public String getSipRealm() {
        return sipRealm;
    }

    public void setSipRealm(String sipRealm) {
        this.sipRealm = sipRealm;
    }

    public Integer getMediaPortMin() {
        return mediaPortMin;
    }

    public void setMediaPortMin(Integer mediaPortMin) {
        this.mediaPortMin = mediaPortMin;
    }

    public Integer getMediaPortMax() {
        return mediaPortMax;
    }

    public void setMediaPortMax(Integer mediaPortMax) {
        this.mediaPortMax = mediaPortMax;
    }

    public String getRecordingDirectory() {
        return recordingDirectory;
    }

    public void setRecordingDirectory(String recordingDirectory) {
        this.recordingDirectory = recordingDirectory;
    }

    public String getPromptDirectory() {
        return promptDirectory;
    }

    public void setPromptDirectory(String promptDirectory) {
        this.promptDirectory = promptDirectory;
    }

    public String getOutboundTrunk() {
        return outboundTrunk;
    }

    public void setOutboundTrunk(String outboundTrunk) {
        this.outboundTrunk = outboundTrunk;
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
