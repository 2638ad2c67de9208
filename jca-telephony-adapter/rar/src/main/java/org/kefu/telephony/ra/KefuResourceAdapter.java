package org.kefu.telephony.ra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import org.jboss.logging.Logger;
import org.kefu.telephony.LinkStatus;
import org.kefu.telephony.TelephonyException;
import org.kefu.telephony.switching.ApplicationLoad;
import org.kefu.telephony.switching.SipSwitch;
import org.kefu.telephony.switching.SwitchConfig;
import org.kefu.telephony.switching.SwitchLink;

import javax.transaction.xa.XAResource;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The telephony resource adapter: owns the switch link (Kefu's own SIP switch) for the lifetime
 * of the deployment and delivers its events to message-driven beans. Configured in ra.xml and
 * ironjacamar.xml, where every value is an expression a system property can override
 * (for example -Dkefu.sip.port=15060 in the integration tests).
 */
public class KefuResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(KefuResourceAdapter.class);

    /** Which switch link the adapter runs (see {@link #KNOWN_LINKS}). */
    private String switchLink = "sip";
    private String sipHost = defaultSipHost(null);
    private Integer sipPort = 5060;
    private String advertisedHost = "127.0.0.1";
    private String trunkAcl = "127.0.0.0/8";
    private String sipRealm = "kefu";
    private Integer mediaPortMin = 20000;
    private Integer mediaPortMax = 29999;
    private String recordingDirectory = "";
    private String promptDirectory = "";
    private String outboundTrunk = "";

    private Integer eventWorkerThreads = 8;
    private Integer sipWorkerThreads = 8;
    private Integer maxCallMinutes = 240;
    private Integer mediaTimeoutSeconds = 60;
    private Integer sessionExpiresSeconds = 1800;
    private Integer maxCallsPerExtension = 4;
    private String outsideDialCategories = "MOBILE,LANDLINE,SERVICE";
    private Integer sipTlsPort = 5061;
    private String sipTlsKeyStore = "";
    private String sipTlsKeyStorePassword = "";
    private String srtpPolicy = "optional";
    private Integer overloadWaitMillis = 1000;
    private Integer overloadMediaLagMillis = 40;
    private Integer watchdogMillis = 5000;

    private static final long STOP_GRACE_MILLIS = 3000;
    /**
     * The switch links this adapter can run, by the name the SwitchLink property gives: Kefu's own
     * SIP switch today; a link to an external PBX (CSTA) would be a second entry.
     */
    static final List<String> KNOWN_LINKS = List.of("sip");

    private volatile EventDispatcher events;
    private volatile WorkerPool sipWork;
    private volatile Watchdog watchdog;
    /** The watchdog's timer (see start). */
    private volatile java.util.Timer timer;
    /** The switch's and SIP link's housekeeping timer (see start). */
    private volatile java.util.Timer housekeeping;
    private volatile SipSwitch sipSwitch;
    private volatile SwitchLink link;
    private volatile String failure = "adapter not started";

    @Override
    public void start(BootstrapContext ctx) throws ResourceAdapterInternalException {
        String linkName = linkName(switchLink);
        if (!KNOWN_LINKS.contains(linkName)) {
            // Refused before anything starts: the adapter does not run with a link it does not know.
            throw new ResourceAdapterInternalException("Unknown switch link \"" + switchLink
                    + "\" (resource-adapter property SwitchLink, -Dkefu.switch.link): the known links are " + KNOWN_LINKS);
        }
        // The adapter's own pools, not the container's WorkManager: nothing that a call depends on may
        // ever wait for a slot in a pool (see WorkerPool). As many event workers as the endpoints'
        // instance pool holds (WildFly's MDB pool: 4 per core, 8 here), so a delivery rarely waits for a bean.
        WorkerPool eventWorkers = new WorkerPool("kefu-call-events", eventWorkerThreads);
        sipWork = new WorkerPool("kefu-sip-work", sipWorkerThreads);
        this.events = new EventDispatcher(eventWorkers);
        watchdog = new Watchdog(List.of(eventWorkers, sipWork), watchdogMillis);
        try {
            // Timers from the server (BootstrapContext), which owns their threads and cancels them at
            // undeployment; two of them: the watchdog alone on one, so that a sweep stuck on the other
            // (a BYE that blocks on a dead TCP connection) cannot silence the one that reports it.
            timer = ctx.createTimer();
            timer.schedule(watchdog, 1000, 1000);
            // Housekeeping: the sweeps of the call table, registrations, nonces, address throttles
            // and call limits, and the switch's few timed actions of seconds (a recording's limit, DTMF
            // by SIP INFO, warm-up hang-ups). Not the media clock, the SIP stack's threads or the
            // event and SIP workers: those are latency-critical and stay the adapter's own (issue 13).
            housekeeping = ctx.createTimer();
        } catch (jakarta.resource.spi.UnavailableException e) {
            throw new ResourceAdapterInternalException("no timer from the container", e);
        }
        SwitchLink chosen = sipLink(org.kefu.telephony.timing.Timers.on(housekeeping));
        try {
            chosen.start(events::dispatch);
            link = chosen;
            LOG.infof("Kefu switch listening for SIP on %s:%d (udp, tcp), media ports %d-%d",
                    sipHost, sipPort, mediaPortMin, mediaPortMax);
        } catch (Exception e) {
            // The rest of Kefu still deploys; health and the banner say the switch is down and why.
            failure = "SIP on " + sipHost + ":" + sipPort + " could not start: " + e.getMessage();
            LOG.error(failure);
        }
    }

    /** The SwitchLink property as compared with {@link #KNOWN_LINKS}: trimmed, lower case, empty meaning sip. */
    static String linkName(String configured) {
        return configured == null || configured.isBlank() ? "sip" : configured.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** Kefu's own SIP switch, from the SIP, media and call-limit properties. */
    private SwitchLink sipLink(org.kefu.telephony.timing.Timers timers) {
        SwitchConfig config = new SwitchConfig(sipHost, sipPort, advertisedHost,
                Arrays.stream(trunkAcl.split("[,\\s]+")).filter(s -> !s.isBlank()).toList(), sipRealm,
                mediaPortMin, mediaPortMax, dataDir(recordingDirectory, "recordings"),
                dataDir(promptDirectory, "prompts"),
                outboundTrunk.isBlank() ? null : outboundTrunk);
        SipSwitch sipSwitch = new SipSwitch(config, sipWork, new Load(), timers);
        sipSwitch.limits(org.kefu.telephony.sip.CallLimits.defaults()
                .withMaxDuration(java.time.Duration.ofMinutes(maxCallMinutes))
                .withMediaTimeout(java.time.Duration.ofSeconds(mediaTimeoutSeconds))
                .withSessionExpires(java.time.Duration.ofSeconds(sessionExpiresSeconds))
                .withMaxCallsPerExtension(maxCallsPerExtension));
        sipSwitch.outsideAllowed(org.kefu.telephony.dialplan.NumberCategory.parseList(outsideDialCategories));
        if (sipTlsKeyStore != null && !sipTlsKeyStore.isBlank()) {
            sipSwitch.tls(new org.kefu.telephony.sip.SipTls(sipTlsPort, java.nio.file.Path.of(sipTlsKeyStore),
                    sipTlsKeyStorePassword == null ? "" : sipTlsKeyStorePassword));
        }
        sipSwitch.srtp(org.kefu.telephony.sip.SrtpPolicy.parse(srtpPolicy));
        this.sipSwitch = sipSwitch;
        return sipSwitch;
    }

    /** What the application side says of new calls, asked for every new INVITE (cheap, never blocking). */
    private final class Load implements ApplicationLoad {

        /** No new call at all: nobody listens, or the watchdog sees work stuck. */
        @Override
        public String refusal() {
            EventDispatcher dispatcher = events;
            if (dispatcher == null || !dispatcher.hasListeners()) {
                return "no application listens for calls";
            }
            Watchdog w = watchdog;
            return w == null ? null : w.problem();
        }

        /** Overloaded (new calls let in at a reduced rate): events or SIP work wait, or the media clock lags. */
        @Override
        public String overload() {
            EventDispatcher dispatcher = events;
            long eventWait = dispatcher == null ? 0 : dispatcher.oldestWaitMillis();
            if (eventWait > overloadWaitMillis) {
                return "call events wait " + eventWait + " ms (" + dispatcher.waitingEvents() + " waiting)";
            }
            long sipWait = sipWork.oldestWaitMillis();
            if (sipWait > overloadWaitMillis) {
                return "SIP work waits " + sipWait + " ms";
            }
            SipSwitch s = sipSwitch;
            double lag = s == null ? 0 : s.mediaLagMillis();
            if (lag > overloadMediaLagMillis) {
                return String.format("media clock %.0f ms behind", lag);
            }
            return null;
        }
    }

    @Override
    public void stop() {
        SwitchLink current = link;
        link = null;
        failure = "adapter stopped";
        if (timer != null) {
            timer.cancel();
        }
        // The link first (no new events), then the pools, each within a bounded time: a server that
        // is asked to stop under load stops.
        if (current != null) {
            current.stop();
        }
        if (housekeeping != null) {
            housekeeping.cancel(); // after the link, whose stop cancels its own tasks on it
        }
        EventDispatcher dispatcher = events;
        if (dispatcher != null) {
            dispatcher.stop(STOP_GRACE_MILLIS);
        }
        if (sipWork != null) {
            sipWork.shutdown(STOP_GRACE_MILLIS);
        }
        LOG.info("Kefu telephony adapter stopped");
    }

    public LinkStatus linkStatus() {
        SwitchLink current = link;
        if (current == null) {
            return LinkStatus.down(failure);
        }
        LinkStatus status = current.linkStatus();
        Watchdog w = watchdog;
        String stuck = w == null ? null : w.problem();
        if (stuck != null) {
            return new LinkStatus(false, status.endpoints(), stuck);
        }
        SipSwitch s = sipSwitch;
        if (s != null && s.isWarmingUp()) {
            return new LinkStatus(false, status.endpoints(), "warming up: outside calls get 503 until it is over");
        }
        String load = s == null ? "" : String.format("; %d call(s) refused for overload, media clock %.1f ms behind, %d call event(s) waiting",
                s.callsRefusedForOverload(), s.mediaLagMillis(), events.waitingEvents());
        return new LinkStatus(status.up(), status.endpoints(), status.detail() + load);
    }

    /**
     * Warm-up calls through the whole path (see {@link org.kefu.telephony.SwitchConnectionFactory#warmUp}),
     * once the application listens (its message-driven bean is activated).
     */
    String warmUp(String number, int calls, int perSecond, long holdMillis) {
        SipSwitch s = sipSwitch;
        if (s == null || link == null) {
            return "no warm-up: the switch is not running";
        }
        long until = System.currentTimeMillis() + 30_000;
        while (!events.hasListeners() && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "no warm-up: interrupted";
            }
        }
        if (!events.hasListeners()) {
            return "no warm-up: no application listened for calls within 30 s";
        }
        return s.warmUp(number, calls, perSecond, holdMillis);
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

    /** Which switch link to run: {@code sip} (Kefu's own SIP switch, the default and only one so far). */
    public String getSwitchLink() {
        return switchLink;
    }

    public void setSwitchLink(String switchLink) {
        this.switchLink = switchLink;
    }

    public String getSipHost() {
        return sipHost;
    }

    public void setSipHost(String sipHost) {
        this.sipHost = defaultSipHost(sipHost);
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

    /**
     * The configured folder, else {@code <jboss.server.data.dir>/kefu/<name>} (outside WildFly:
     * {@code ./<name>} for recordings, no override folder for prompts).
     */
    static Path dataDir(String configured, String name) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String data = System.getProperty("jboss.server.data.dir");
        if (data != null && !data.isBlank()) {
            return Path.of(data, "kefu", name);
        }
        return "recordings".equals(name) ? Path.of(name) : null;
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

    public Integer getEventWorkerThreads() {
        return eventWorkerThreads;
    }

    public void setEventWorkerThreads(Integer n) {
        this.eventWorkerThreads = n;
    }

    public Integer getSipWorkerThreads() {
        return sipWorkerThreads;
    }

    public void setSipWorkerThreads(Integer n) {
        this.sipWorkerThreads = n;
    }

    public Integer getOverloadWaitMillis() {
        return overloadWaitMillis;
    }

    public void setOverloadWaitMillis(Integer ms) {
        this.overloadWaitMillis = ms;
    }

    public Integer getOverloadMediaLagMillis() {
        return overloadMediaLagMillis;
    }

    public void setOverloadMediaLagMillis(Integer ms) {
        this.overloadMediaLagMillis = ms;
    }

    public Integer getWatchdogMillis() {
        return watchdogMillis;
    }

    public void setWatchdogMillis(Integer ms) {
        this.watchdogMillis = ms;
    }

    public Integer getSipTlsPort() {
        return sipTlsPort;
    }

    public void setSipTlsPort(Integer port) {
        this.sipTlsPort = port;
    }

    public String getSipTlsKeyStore() {
        return sipTlsKeyStore;
    }

    public void setSipTlsKeyStore(String path) {
        this.sipTlsKeyStore = path;
    }

    /** off, optional (SRTP on TLS legs) or required (extensions must use TLS and SRTP); see SrtpPolicy. */
    public String getSrtpPolicy() {
        return srtpPolicy;
    }

    public void setSrtpPolicy(String policy) {
        org.kefu.telephony.sip.SrtpPolicy.parse(policy); // refuse a typo at deployment, not at the first call
        this.srtpPolicy = policy;
    }

    public String getSipTlsKeyStorePassword() {
        return sipTlsKeyStorePassword;
    }

    public void setSipTlsKeyStorePassword(String password) {
        this.sipTlsKeyStorePassword = password;
    }

    public String getOutsideDialCategories() {
        return outsideDialCategories;
    }

    public void setOutsideDialCategories(String list) {
        this.outsideDialCategories = list;
    }

    public Integer getMaxCallMinutes() {
        return maxCallMinutes;
    }

    public void setMaxCallMinutes(Integer n) {
        this.maxCallMinutes = n;
    }

    public Integer getMediaTimeoutSeconds() {
        return mediaTimeoutSeconds;
    }

    public void setMediaTimeoutSeconds(Integer n) {
        this.mediaTimeoutSeconds = n;
    }

    public Integer getSessionExpiresSeconds() {
        return sessionExpiresSeconds;
    }

    public void setSessionExpiresSeconds(Integer n) {
        this.sessionExpiresSeconds = n;
    }

    public Integer getMaxCallsPerExtension() {
        return maxCallsPerExtension;
    }

    public void setMaxCallsPerExtension(Integer n) {
        this.maxCallsPerExtension = n;
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

    /**
     * Where SIP listens when {@code kefu.sip.host} is not given (empty): loopback while the demo
     * center is on ({@code -Dkefu.demo=true}, its passwords are published), every interface
     * otherwise. An explicit address is always taken as given (issue 14 item 5).
     */
    static String defaultSipHost(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        return Boolean.parseBoolean(System.getProperty("kefu.demo", "false")) ? "127.0.0.1" : "0.0.0.0";
    }
}
