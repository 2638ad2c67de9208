package org.kefu.telephony.switching;

import org.jboss.logging.Logger;
import org.kefu.telephony.CallEvent;
import org.kefu.telephony.CallId;
import org.kefu.telephony.CallSnapshot;
import org.kefu.telephony.ClearCause;
import org.kefu.telephony.ConnectionId;
import org.kefu.telephony.ConnectionState;
import org.kefu.telephony.DeviceId;
import org.kefu.telephony.DeviceSnapshot;
import org.kefu.telephony.DigitCollection;
import org.kefu.telephony.LinkStatus;
import org.kefu.telephony.MonitorMode;
import org.kefu.telephony.Prompt;
import org.kefu.telephony.TelephonyException;
import org.kefu.telephony.dialplan.NumberCategory;
import org.kefu.telephony.media.MediaConfig;
import org.kefu.telephony.media.MediaEngine;
import org.kefu.telephony.media.SrtpStreams;
import org.kefu.telephony.sip.CallLimits;
import org.kefu.telephony.sip.InboundCall;
import org.kefu.telephony.sip.RefusalAudit;
import org.kefu.telephony.sip.SipLink;
import org.kefu.telephony.sip.SipLinkConfig;
import org.kefu.telephony.sip.SipTls;
import org.kefu.telephony.sip.SrtpPolicy;
import org.kefu.telephony.timing.Timers;

import java.net.InetAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Kefu as the switch: a SIP back-to-back user agent whose calls are made of {@link Party parties}
 * (SIP legs with media anchored here) and driven through the switch-neutral API. Inbound INVITEs
 * become {@link CallEvent.Delivered} at the dialled number; the application answers, plays,
 * collects, routes to agents' registered phones, transfers and conferences by moving parties'
 * media between bridges. SIP and media threads only hand events over; nothing here blocks.
 *
 * <p>This class is the façade: it owns the lifecycle (media engine, SIP link, timers) and hands each
 * command to the part that carries it out: {@link CallTable} (the calls, their end, the sweep),
 * {@link LegEvents} (what the SIP link reports on legs), {@link Dialing} (legs the switch places),
 * {@link Transfers} (hold, transfers, conferences), {@link MediaCommands}, {@link Supervision} and
 * {@link WarmUp}.
 */
public final class SipSwitch implements SwitchLink {

    private static final Logger LOG = Logger.getLogger(SipSwitch.class);
    /** How often the call table is swept for calls no leg keeps alive (see {@link CallTable#sweep()}). */
    private static final Duration SWEEP_PERIOD = Duration.ofSeconds(5);

    private final SwitchRuntime rt;
    /** The resource adapter's timers (see {@link Timers}), or null: a thread of the switch's own while it runs. */
    private final Timers serverTimers;
    private final CallTable table;
    private final WarmUp warmUp;
    private final LegEvents legs;
    private final Dialing dialing;
    private final Transfers transfers;
    private final MediaCommands mediaCommands;
    private final Supervision supervision;

    private volatile CallLimits limits = CallLimits.defaults();
    private volatile SipTls tls;
    private volatile SrtpPolicy srtpPolicy = SrtpPolicy.OPTIONAL;
    /** The switch's tasks on the timers while it runs (cancelled together at stop). */
    private volatile Timers.Scope timers;
    /** The switch's own timer thread when the adapter gave none. */
    private volatile Timers.Own ownTimers;
    private volatile String failure;

    /**
     * A switch whose housekeeping runs on a thread of its own (tests, a switch outside the adapter).
     *
     * @param executor  where SIP application work runs (the adapter's SIP workers)
     * @param load      what the application side says of new calls (refuse, or overloaded); asked for
     *                  every new INVITE, so cheap and non-blocking
     */
    public SipSwitch(SwitchConfig config, Executor executor, ApplicationLoad load) {
        this(config, executor, load, null);
    }

    /**
     * @param timers  where the switch and its SIP link run their housekeeping and timed actions: the
     *                resource adapter's timer from its {@code BootstrapContext}; null for a thread of its own
     */
    public SipSwitch(SwitchConfig config, Executor executor, ApplicationLoad load, Timers timers) {
        this.rt = new SwitchRuntime(config, executor);
        this.serverTimers = timers;
        this.table = new CallTable(rt);
        this.warmUp = new WarmUp(rt);
        this.legs = new LegEvents(rt, table, load, warmUp, this::singleStepTransfer);
        this.dialing = new Dialing(rt, table, legs);
        this.transfers = new Transfers(rt, table, dialing, legs);
        this.mediaCommands = new MediaCommands(rt, table);
        this.supervision = new Supervision(rt, table, dialing);
    }

    // ------------------------------------------------------------------ configuration

    /** When calls' media must be SRTP (see {@link SrtpPolicy}). */
    public void srtp(SrtpPolicy policy) {
        this.srtpPolicy = policy;
        SipLink link = rt.sip;
        if (link != null) {
            link.srtp(policy);
        }
    }

    /** SIP over TLS besides UDP and TCP (null: none); takes effect at the next start. */
    public void tls(SipTls tls) {
        this.tls = tls;
    }

    /** The categories of outside numbers the trunk may be asked for (the rest is refused, and logged to audit). */
    public void outsideAllowed(Set<NumberCategory> categories) {
        dialing.outsideAllowed(categories);
    }

    /** The bounds on every call (maximum duration, RTP silence, session timers, calls per extension). */
    public void limits(CallLimits limits) {
        this.limits = limits;
        SipLink link = rt.sip;
        if (link != null) {
            link.limits(limits);
        }
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public synchronized void start(Consumer<CallEvent> sink) throws Exception {
        rt.events = sink;
        try {
            SwitchConfig config = rt.config;
            MediaConfig mc = new MediaConfig()
                    .bindAddress(InetAddress.getByName(config.sipHost()))
                    .portRange(config.mediaPortMin(), config.mediaPortMax());
            if (config.promptDir() != null) {
                mc = mc.promptOverrideDir(config.promptDir());
            }
            rt.media = new MediaEngine(mc);
            if (srtpPolicy != SrtpPolicy.OFF) {
                // The SRTP library picks its AES on first use; not on a media thread during a call.
                LOG.infof("SRTP ready (AES_CM_128_HMAC_SHA1_80 self-test passed in %d ms)", SrtpStreams.prepare());
            }
            rt.negotiator = new SwitchMedia(rt.media, config.advertisedHost());
            // Housekeeping on the adapter's timer when it gave one (the server owns that thread), else
            // on a thread of our own; either way, what this switch scheduled ends with it.
            Timers.Own own = serverTimers == null ? Timers.ownThread("kefu-switch-timers") : null;
            Timers.Scope scope = Timers.scope(own != null ? own : serverTimers);
            ownTimers = own;
            timers = scope;
            rt.timers = scope;
            SipLinkConfig sc = SipLinkConfig.defaults()
                    .withHost(config.sipHost())
                    .withAdvertisedHost(config.advertisedHost())
                    .withPort(config.sipPort())
                    .withTrunkAcl(config.trunkAcl())
                    .withRealm(config.realm());
            SipLink sip = new SipLink(sc, legs, rt.devices, rt.negotiator, rt.executor, scope);
            rt.sip = sip;
            rt.refusals = RefusalAudit.standard(r -> rt.emit(new CallEvent.SecurityRefused(
                    new CallId("security:" + r.action()), Instant.now(), r.action(), r.actor(), r.target(), r.source(),
                    r.detail(), r.occurrences())));
            sip.refusals(rt.refusals);
            sip.limits(limits);
            sip.tls(tls);
            sip.srtp(srtpPolicy);
            sip.registrations().addListener(new RegistrationEvents(rt));
            sip.start();
            scope.every(SWEEP_PERIOD, table::sweep);
            Files.createDirectories(config.recordingDir());
            failure = null;
        } catch (Exception | Error e) {
            failure = e.getMessage();
            stop();
            throw e;
        }
    }

    @Override
    public synchronized void stop() {
        for (SwitchCall call : table.all()) {
            try {
                clearCall(call.id);
            } catch (RuntimeException | TelephonyException e) {
                LOG.debugf("clearing %s at stop: %s", call.id, e.getMessage());
            }
        }
        if (rt.sip != null) {
            rt.sip.stop();
            rt.sip = null;
        }
        if (timers != null) {
            timers.close();
            timers = null;
            rt.timers = null;
        }
        if (ownTimers != null) {
            ownTimers.close();
            ownTimers = null;
        }
        if (rt.media != null) {
            rt.media.close();
            rt.media = null;
        }
    }

    @Override
    public LinkStatus linkStatus() {
        SipLink link = rt.sip;
        if (link == null) {
            return LinkStatus.down(failure == null ? "SIP link stopped" : "SIP link failed: " + failure);
        }
        String where = rt.config.sipHost() + ":" + rt.config.sipPort();
        return new LinkStatus(true, List.of("sip:udp " + where, "sip:tcp " + where),
                table.size() + " call(s), " + link.registrations().size() + " registered device(s); " + rt.negotiator.summary());
    }

    // ------------------------------------------------------------------ load and warm-up

    /** How far behind its 20 ms schedule the media clock has recently run (a moving average), in ms. */
    public double mediaLagMillis() {
        MediaEngine m = rt.media;
        return m == null ? 0 : m.clock().recentLagMillis();
    }

    /** New calls refused 503 because of overload since the link started. */
    public long callsRefusedForOverload() {
        SipLink link = rt.sip;
        return link == null ? 0 : link.callsRefusedForOverload();
    }

    /** True while {@link #warmUp} runs (outside calls are refused). */
    public boolean isWarmingUp() {
        return warmUp.isRunning();
    }

    /**
     * Calls from the switch to itself on loopback through the whole path (see
     * {@link org.kefu.telephony.SwitchConnectionFactory#warmUp}); outside calls get 503 meanwhile.
     */
    public String warmUp(String number, int calls, int perSecond, long holdMillis) {
        return warmUp.run(number, calls, perSecond, holdMillis);
    }

    // ------------------------------------------------------------------ call control

    @Override
    public void answer(ConnectionId alerting) throws TelephonyException {
        Party p = table.party(alerting);
        if (p.sip instanceof InboundCall inbound) {
            if (!inbound.answer() && p.state == ConnectionState.ALERTING) {
                throw new TelephonyException("the call " + alerting.call() + " can no longer be answered");
            }
        } else if (p.state != ConnectionState.CONNECTED) {
            throw new TelephonyException(alerting + " is a call we placed: the phone answers it");
        }
    }

    @Override
    public void reject(ConnectionId alerting, ClearCause cause) throws TelephonyException {
        Party p = table.party(alerting);
        if (!(p.sip instanceof InboundCall inbound) || !inbound.reject(SipCauses.statusFor(cause))) {
            throw new TelephonyException(alerting + " is not a ringing inbound call");
        }
        p.leaving = true;
    }

    @Override
    public void clearConnection(ConnectionId connection) throws TelephonyException {
        CallTable.hangUp(table.party(connection));
    }

    @Override
    public void clearCall(CallId id) throws TelephonyException {
        table.endCall(table.call(id), ClearCause.NORMAL);
    }

    @Override
    public CallId makeCall(DeviceId from, DeviceId destination, Map<String, String> data) throws TelephonyException {
        return dialing.makeCall(from, destination, data);
    }

    @Override
    public CallId dialOut(DeviceId service, DeviceId destination, Map<String, String> data) throws TelephonyException {
        return dialing.dialOut(service, destination, data);
    }

    @Override
    public ConnectionId routeTo(CallId callId, DeviceId destination) throws TelephonyException {
        return dialing.routeTo(callId, destination);
    }

    @Override
    public void deflect(ConnectionId alerting, DeviceId destination) throws TelephonyException {
        dialing.deflect(alerting, destination);
    }

    @Override
    public void pickup(ConnectionId alerting, DeviceId picker) throws TelephonyException {
        dialing.deflect(alerting, picker);
    }

    @Override
    public void hold(ConnectionId connection) throws TelephonyException {
        transfers.hold(connection);
    }

    @Override
    public void retrieve(ConnectionId held) throws TelephonyException {
        transfers.retrieve(held);
    }

    @Override
    public void singleStepTransfer(ConnectionId transferring, DeviceId destination) throws TelephonyException {
        transfers.singleStepTransfer(transferring, destination);
    }

    @Override
    public ConnectionId consultationCall(ConnectionId active, DeviceId destination) throws TelephonyException {
        return transfers.consultationCall(active, destination);
    }

    @Override
    public void completeTransfer(ConnectionId held, ConnectionId consulted) throws TelephonyException {
        transfers.completeTransfer(held, consulted);
    }

    @Override
    public void alternate(ConnectionId held, ConnectionId active) throws TelephonyException {
        transfers.alternate(held, active);
    }

    @Override
    public void conference(ConnectionId held, ConnectionId active) throws TelephonyException {
        transfers.conference(held, active);
    }

    // ------------------------------------------------------------------ media

    @Override
    public void play(ConnectionId to, Prompt prompt) throws TelephonyException {
        mediaCommands.play(to, prompt);
    }

    @Override
    public void collectDigits(ConnectionId from, DigitCollection spec) throws TelephonyException {
        mediaCommands.collectDigits(from, spec);
    }

    @Override
    public void record(ConnectionId of, int maxSeconds) throws TelephonyException {
        mediaCommands.record(of, maxSeconds);
    }

    @Override
    public void recordCall(CallId id) throws TelephonyException {
        mediaCommands.recordCall(id);
    }

    @Override
    public void sendDigits(ConnectionId from, String digits) throws TelephonyException {
        mediaCommands.sendDigits(from, digits);
    }

    @Override
    public void stopMedia(ConnectionId connection) throws TelephonyException {
        mediaCommands.stopMedia(connection);
    }

    // ------------------------------------------------------------------ supervision

    @Override
    public ConnectionId monitor(CallId id, DeviceId supervisor, MonitorMode mode) throws TelephonyException {
        return supervision.monitor(id, supervisor, mode);
    }

    @Override
    public void changeMonitorMode(ConnectionId supervisor, MonitorMode mode) throws TelephonyException {
        supervision.changeMonitorMode(supervisor, mode);
    }

    // ------------------------------------------------------------------ data, snapshots, devices

    @Override
    public void attachData(CallId id, Map<String, String> data) throws TelephonyException {
        table.call(id).data.putAll(data);
    }

    @Override
    public Map<String, String> callData(CallId id) throws TelephonyException {
        return Map.copyOf(table.call(id).data);
    }

    @Override
    public CallSnapshot snapshotCall(CallId id) throws TelephonyException {
        return table.call(id).snapshot();
    }

    @Override
    public DeviceSnapshot snapshotDevice(DeviceId device) {
        SipLink sip = rt.sip;
        boolean registered = sip != null && sip.registrations().contactFor(device.value()).isPresent();
        return new DeviceSnapshot(device, registered, table.partiesOf(device));
    }

    @Override
    public void provisionDevice(DeviceId device, String realm, String digestHa1) throws TelephonyException {
        provisionDevice(device, realm, digestHa1, null);
    }

    @Override
    public void provisionDevice(DeviceId device, String realm, String digestHa1, String digestHa1Sha256)
            throws TelephonyException {
        rt.devices.provision(device, realm, rt.config.realm(), digestHa1, digestHa1Sha256);
    }

    @Override
    public void removeDevice(DeviceId device) {
        rt.devices.remove(device.value());
    }

    /** Calls in progress, for tests and status. */
    public Set<CallId> activeCalls() {
        return table.ids();
    }
}
