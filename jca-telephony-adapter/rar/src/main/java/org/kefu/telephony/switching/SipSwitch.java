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
import org.kefu.telephony.media.DigitResult;
import org.kefu.telephony.media.DigitSpec;
import org.kefu.telephony.media.DtmfRelay;
import org.kefu.telephony.media.TelephoneEvent;
import org.kefu.telephony.media.MediaBridge;
import org.kefu.telephony.media.MediaConfig;
import org.kefu.telephony.media.MediaEngine;
import org.kefu.telephony.media.MediaSession;
import org.kefu.telephony.media.PlaybackOutcome;
import org.kefu.telephony.media.PromptNotFoundException;
import org.kefu.telephony.sip.Binding;
import org.kefu.telephony.sip.CallFailedException;
import org.kefu.telephony.sip.CallHandler;
import org.kefu.telephony.sip.InboundCall;
import org.kefu.telephony.sip.MediaDirection;
import org.kefu.telephony.sip.OutboundCall;
import org.kefu.telephony.sip.RegistrationListener;
import org.kefu.telephony.sip.SipCall;
import org.kefu.telephony.sip.SipLink;
import org.kefu.telephony.sip.SipLinkConfig;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Kefu as the switch: a SIP back-to-back user agent whose calls are made of {@link Party parties}
 * (SIP legs with media anchored here) and driven through the switch-neutral API. Inbound INVITEs
 * become {@link CallEvent.Delivered} at the dialled number; the application answers, plays,
 * collects, routes to agents' registered phones, transfers and conferences by moving parties'
 * media between bridges. SIP and media threads only hand events over; nothing here blocks.
 */
public final class SipSwitch implements SwitchLink {

    private static final Logger LOG = Logger.getLogger(SipSwitch.class);

    private final SwitchConfig config;
    private final Executor executor;
    private final ApplicationLoad load;
    private final DeviceDirectory devices = new DeviceDirectory();
    private final Map<CallId, SwitchCall> calls = new ConcurrentHashMap<>();
    /** SIP Call-ID of a leg → the call that leg currently belongs to (changes on transfer). */
    private final Map<String, CallId> callOfLeg = new ConcurrentHashMap<>();

    private volatile Consumer<CallEvent> events = e -> { };
    private volatile MediaEngine media;
    private volatile SwitchMedia negotiator;
    private volatile org.kefu.telephony.sip.CallLimits limits = org.kefu.telephony.sip.CallLimits.defaults();
    /**
     * What the switch dials through the outbound trunk at all, whoever asks (a REFER, a transfer, click
     * to dial, follow-me, a callback): the ceiling under the application's finer dial policy.
     */
    private volatile java.util.Set<org.kefu.telephony.dialplan.NumberCategory> outsideAllowed = java.util.EnumSet.of(
            org.kefu.telephony.dialplan.NumberCategory.MOBILE, org.kefu.telephony.dialplan.NumberCategory.LANDLINE,
            org.kefu.telephony.dialplan.NumberCategory.SERVICE);
    private static final Logger AUDIT = Logger.getLogger("org.kefu.audit.sip");
    private volatile SipLink sip;
    private volatile ScheduledExecutorService timers;
    private volatile String failure;

    /**
     * @param executor  where SIP application work runs (the container's WorkManager)
     * @param load      what the application side says of new calls (refuse, or overloaded); asked for
     *                  every new INVITE, so cheap and non-blocking
     */
    public SipSwitch(SwitchConfig config, Executor executor, ApplicationLoad load) {
        this.config = config;
        this.executor = executor;
        this.load = load;
    }

    // ------------------------------------------------------------------ lifecycle

    private volatile org.kefu.telephony.sip.SipTls tls;

    private volatile org.kefu.telephony.sip.SrtpPolicy srtpPolicy = org.kefu.telephony.sip.SrtpPolicy.OPTIONAL;

    /** When calls' media must be SRTP (see {@link org.kefu.telephony.sip.SrtpPolicy}). */
    public void srtp(org.kefu.telephony.sip.SrtpPolicy policy) {
        this.srtpPolicy = policy;
        SipLink link = sip;
        if (link != null) {
            link.srtp(policy);
        }
    }

    /** SIP over TLS besides UDP and TCP (null: none); takes effect at the next start. */
    public void tls(org.kefu.telephony.sip.SipTls tls) {
        this.tls = tls;
    }

    /** The categories of outside numbers the trunk may be asked for (the rest is refused, and logged to audit). */
    public void outsideAllowed(java.util.Set<org.kefu.telephony.dialplan.NumberCategory> categories) {
        this.outsideAllowed = categories.isEmpty()
                ? java.util.EnumSet.noneOf(org.kefu.telephony.dialplan.NumberCategory.class) : java.util.EnumSet.copyOf(categories);
    }

    /** Refuses an outside number the ceiling does not allow; internal destinations pass. */
    private void checkOutside(DeviceId destination, String path) throws org.kefu.telephony.dialplan.DialRefusedException {
        String number = destination.value();
        if (devices.knows(number) || sip.registrations().contactFor(number).isPresent() || config.outboundTrunk() == null) {
            return;
        }
        org.kefu.telephony.dialplan.NumberCategory category = org.kefu.telephony.dialplan.NumberClassifier.classify(number);
        if (!outsideAllowed.contains(category)) {
            AUDIT.warnf("DIAL_REFUSED path=%s number=%s category=%s: not among the switch's outside categories %s",
                    path, number, category, outsideAllowed);
            throw new org.kefu.telephony.dialplan.DialRefusedException(number, category,
                    "the switch dials only " + outsideAllowed + " numbers");
        }
    }

    /** The bounds on every call (maximum duration, RTP silence, session timers, calls per extension). */
    public void limits(org.kefu.telephony.sip.CallLimits limits) {
        this.limits = limits;
        SipLink link = sip;
        if (link != null) {
            link.limits(limits);
        }
    }

    @Override
    public synchronized void start(Consumer<CallEvent> sink) throws Exception {
        this.events = sink;
        try {
            MediaConfig mc = new MediaConfig()
                    .bindAddress(InetAddress.getByName(config.sipHost()))
                    .portRange(config.mediaPortMin(), config.mediaPortMax());
            if (config.promptDir() != null) {
                mc = mc.promptOverrideDir(config.promptDir());
            }
            media = new MediaEngine(mc);
            if (srtpPolicy != org.kefu.telephony.sip.SrtpPolicy.OFF) {
                // The SRTP library picks its AES on first use; not on a media thread during a call.
                LOG.infof("SRTP ready (AES_CM_128_HMAC_SHA1_80 self-test passed in %d ms)",
                        org.kefu.telephony.media.SrtpStreams.prepare());
            }
            negotiator = new SwitchMedia(media, config.advertisedHost());
            SipLinkConfig sc = SipLinkConfig.defaults()
                    .withHost(config.sipHost())
                    .withAdvertisedHost(config.advertisedHost())
                    .withPort(config.sipPort())
                    .withTrunkAcl(config.trunkAcl())
                    .withRealm(config.realm());
            sip = new SipLink(sc, new Handler(), devices, negotiator, executor);
            sip.limits(limits);
            sip.tls(tls);
            sip.srtp(srtpPolicy);
            sip.registrations().addListener(new RegistrationListener() {
                @Override
                public void registered(Binding binding) {
                    emit(new CallEvent.DeviceRegistered(deviceCall(binding.aor()), Instant.now(),
                            new DeviceId(binding.aor()), binding.contact()));
                }

                @Override
                public void unregistered(Binding binding, Reason reason) {
                    emit(new CallEvent.DeviceUnregistered(deviceCall(binding.aor()), Instant.now(),
                            new DeviceId(binding.aor())));
                }
            });
            sip.start();
            timers = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "kefu-switch-timers");
                t.setDaemon(true);
                return t;
            });
            timers.scheduleWithFixedDelay(this::sweep, 5, 5, TimeUnit.SECONDS);
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
        for (SwitchCall call : List.copyOf(calls.values())) {
            try {
                clearCall(call.id);
            } catch (RuntimeException | TelephonyException e) {
                LOG.debugf("clearing %s at stop: %s", call.id, e.getMessage());
            }
        }
        if (sip != null) {
            sip.stop();
            sip = null;
        }
        if (timers != null) {
            timers.shutdownNow();
            timers = null;
        }
        if (media != null) {
            media.close();
            media = null;
        }
    }

    @Override
    public LinkStatus linkStatus() {
        SipLink link = sip;
        if (link == null) {
            return LinkStatus.down(failure == null ? "SIP link stopped" : "SIP link failed: " + failure);
        }
        String where = config.sipHost() + ":" + config.sipPort();
        return new LinkStatus(true, List.of("sip:udp " + where, "sip:tcp " + where),
                calls.size() + " call(s), " + link.registrations().size() + " registered device(s); " + negotiator.summary());
    }

    /** As many calls as the media port range can carry with a leg or two each, less a margin. */
    private int maxCalls() {
        int pairs = (config.mediaPortMax() - config.mediaPortMin() + 1) / 2;
        return Math.max(1, pairs / 2 - 16);
    }

    /**
     * Housekeeping every few seconds, so that no call outlives its SIP legs and no caller waits
     * forever for an application that never answered (overload, a lost event).
     */
    private void sweep() {
        Instant now = Instant.now();
        for (SwitchCall call : List.copyOf(calls.values())) {
            try {
                boolean allGone;
                synchronized (call) {
                    allGone = !call.ended && call.parties.stream().allMatch(p -> p.sip.isEnded());
                }
                if (allGone) {
                    LOG.debugf("Call %s has no live leg left: clearing it", call.id);
                    endCall(call, ClearCause.NETWORK_FAILURE);
                    continue;
                }
                call.caller().filter(p -> p.state == ConnectionState.ALERTING && p.sip instanceof InboundCall
                                && call.parties.size() == 1
                                && java.time.Duration.between(call.started, now).compareTo(UNANSWERED_LIMIT) > 0)
                        .ifPresent(p -> {
                            LOG.infof("Call %s not answered by the application in %s: refused", call.id, UNANSWERED_LIMIT);
                            endCall(call, ClearCause.NO_ANSWER);
                        });
            } catch (RuntimeException e) {
                LOG.warnf(e, "Sweeping call %s failed", call.id);
            }
        }
    }

    private static final java.time.Duration UNANSWERED_LIMIT = java.time.Duration.ofSeconds(60);

    // ------------------------------------------------------------------ SIP side

    /**
     * Why a new call is refused now, or null: the application's refusal, else the call limit (every
     * call needs media ports: refuse early, the caller's network retries elsewhere, rather than answer
     * calls that cannot have audio).
     */
    String admissionRefusal() {
        if (warmingUp) {
            return "warming up";
        }
        String why = load.refusal();
        if (why != null) {
            return why;
        }
        if (calls.size() >= maxCalls()) {
            return "call limit of " + maxCalls() + " reached";
        }
        return null;
    }

    /** How far behind its 20 ms schedule the media clock has recently run (a moving average), in ms. */
    public double mediaLagMillis() {
        MediaEngine m = media;
        return m == null ? 0 : m.clock().recentLagMillis();
    }

    /** New calls refused 503 because of overload since the link started. */
    public long callsRefusedForOverload() {
        SipLink link = sip;
        return link == null ? 0 : link.callsRefusedForOverload();
    }

    private volatile boolean warmingUp;
    /** host:port the warm-up calls come from. */
    private volatile String warmUpSource = "";

    /** True while {@link #warmUp} runs (outside calls are refused). */
    public boolean isWarmingUp() {
        return warmingUp;
    }

    /**
     * Calls from the switch to itself on loopback through the whole path (see
     * {@link org.kefu.telephony.SwitchConnectionFactory#warmUp}); outside calls get 503 meanwhile.
     * Why: a just-started JVM runs the call path interpreted, and the first minute of ordinary
     * traffic then queued up behind the compiler (issue 13: p95 setup of 3.9 s at 400 calls/s).
     */
    public String warmUp(String number, int calls, int perSecond, long holdMillis) {
        ScheduledExecutorService t = timers;
        MediaEngine engine = media;
        if (sip == null || t == null || engine == null || calls <= 0) {
            return "no warm-up";
        }
        String host = "0.0.0.0".equals(config.sipHost()) || "::".equals(config.sipHost()) ? "127.0.0.1" : config.sipHost();
        // The caller is a SIP link of its own (its own stack, call table and media sessions over the
        // same media engine): one link calling itself would meet its own Call-IDs.
        int callerPort;
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0, InetAddress.getByName(host))) {
            callerPort = probe.getLocalPort();
        } catch (IOException e) {
            return "no warm-up: no local port for the caller (" + e.getMessage() + ")";
        }
        SipLink caller = new SipLink(SipLinkConfig.defaults().withHost(host).withPort(callerPort)
                .withTransports(java.util.Set.of("udp")).withTrunkAcl(List.of()),
                new CallHandler() {
                    @Override
                    public void onInvite(InboundCall call) {
                        call.reject(403);
                    }
                }, extension -> java.util.Optional.empty(), new SwitchMedia(engine, host), executor);
        String target = "sip:" + number + "@" + host + ":" + config.sipPort();
        java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> firstFailure = new java.util.concurrent.atomic.AtomicReference<>("");
        java.util.concurrent.CountDownLatch over = new java.util.concurrent.CountDownLatch(calls);
        long start = System.nanoTime();
        warmUpSource = host + ":" + callerPort;
        warmingUp = true;
        int placed = 0;
        try {
            caller.start();
            for (; placed < calls; placed++) {
                if (failed.get() >= 20 && answered.get() == 0) {
                    break; // the number does not answer (not a service number here, or loopback is no trunk)
                }
                long due = start + placed * 1_000_000_000L / Math.max(1, perSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                OutboundCall call;
                try {
                    call = caller.uac().call(target, org.kefu.telephony.SwitchConnectionFactory.WARM_UP_CALLER);
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    over.countDown();
                    continue;
                }
                call.answered().whenComplete((ok, err) -> {
                    if (err != null) {
                        failed.incrementAndGet();
                        Throwable cause = err instanceof java.util.concurrent.CompletionException && err.getCause() != null ? err.getCause() : err;
                        firstFailure.compareAndSet("", " (first: " + cause.getMessage() + ")");
                    } else {
                        answered.incrementAndGet();
                        t.schedule(call::hangup, holdMillis, TimeUnit.MILLISECONDS);
                    }
                });
                call.ended().whenComplete((end, err) -> over.countDown());
            }
            for (int i = placed; i < calls; i++) {
                over.countDown();
            }
            over.await(holdMillis + 30_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf(e, "warm-up failed");
        } finally {
            warmingUp = false;
            caller.stop();
        }
        return String.format("warm-up: %d call(s) to %s, %d answered, %d failed%s, in %d ms", placed, number,
                answered.get(), failed.get(), firstFailure.get(), (System.nanoTime() - start) / 1_000_000);
    }

    private final class Handler implements CallHandler {

        @Override
        public boolean exempt(String sourceHost, int sourcePort) {
            // The warm-up calls come from the warm-up caller's port on loopback, bound by this process.
            // A JVM being warmed up is slow by nature (that is why it is warmed up): no overload
            // signal may refuse the cure; only the call limit holds.
            return warmingUp && warmUpSource.equals(sourceHost + ":" + sourcePort) && calls.size() < maxCalls();
        }

        @Override
        public String refusal(String sourceHost, int sourcePort) {
            return admissionRefusal();
        }

        @Override
        public String overload() {
            return load.overload();
        }

        @Override
        public void onInvite(InboundCall invite) {
            if (admissionRefusal() != null && !warmingUp) {
                invite.reject(503); // the state changed since the SIP thread asked
                return;
            }
            String ani = invite.extension().orElse(invite.ani());
            if (ani == null || ani.isBlank()) {
                ani = "anonymous";
            }
            String dnis = invite.dnis() == null || invite.dnis().isBlank() ? "unknown" : invite.dnis();
            SwitchCall call = new SwitchCall(newCallId(), ani, dnis, new DeviceId(dnis));
            Party caller = new Party(call.connection(new DeviceId(ani)), invite, true, ConnectionState.CONNECTED);
            call.parties.add(caller);
            call.data.put("kefu.ani", ani);
            call.data.put("kefu.dnis", dnis);
            invite.extension().ifPresent(ext -> call.data.put("kefu.fromExtension", ext));
            calls.put(call.id, call);
            callOfLeg.put(invite.callId(), call.id);
            invite.ended().whenCompleteAsync((end, err) -> legEnded(caller, end == null
                    ? ClearCause.NETWORK_FAILURE : SipCauses.causeOf(end, caller.state != ConnectionState.ALERTING)), executor);
            caller.state = ConnectionState.ALERTING;
            emit(new CallEvent.Delivered(call.id, Instant.now(), call.connection(call.routePoint), ani, dnis, call.data, true));
        }

        @Override
        public void onEstablished(SipCall leg) {
            SwitchCall call = callOf(leg);
            if (call == null) {
                return;
            }
            call.caller().filter(p -> p.sip == leg).ifPresent(caller -> {
                caller.state = ConnectionState.CONNECTED;
                caller.media = negotiator.session(leg.callId());
                emit(new CallEvent.Established(call.id, Instant.now(), call.connection(call.routePoint)));
            });
        }

        @Override
        public void onMediaChange(SipCall leg, MediaDirection remoteDirection) {
            SwitchCall call = callOf(leg);
            if (call == null) {
                return;
            }
            Party party = partyOf(call, leg);
            if (party == null) {
                return;
            }
            boolean holding = remoteDirection != MediaDirection.SENDRECV && remoteDirection != MediaDirection.RECVONLY;
            // The phone put the others on hold: they hear music until it takes them back.
            synchronized (call) {
                for (Party other : call.parties) {
                    if (other != party && other.media != null) {
                        if (holding) {
                            other.media.playMusicOnHold();
                        } else {
                            other.media.stopPlayback();
                        }
                    }
                }
                party.state = holding ? ConnectionState.HELD : ConnectionState.CONNECTED;
            }
            emit(holding ? new CallEvent.Held(call.id, Instant.now(), party.id)
                    : new CallEvent.Retrieved(call.id, Instant.now(), party.id));
        }

        @Override
        public int onRefer(SipCall leg, String referTo) {
            SwitchCall call = callOf(leg);
            Party party = call == null ? null : partyOf(call, leg);
            if (party == null) {
                return 481; // the leg is no longer part of a call
            }
            try {
                singleStepTransfer(party.id, new DeviceId(userOf(referTo)));
                return 200;
            } catch (org.kefu.telephony.dialplan.DialRefusedException e) {
                LOG.infof("Transfer asked by %s to %s refused: %s", party.id, referTo, e.getMessage());
                return 403;
            } catch (TelephonyException e) {
                LOG.infof("Transfer asked by %s to %s refused: %s", party.id, referTo, e.getMessage());
                return 503;
            } catch (IllegalArgumentException e) {
                LOG.infof("Transfer asked by %s to %s refused: %s", party.id, referTo, e.getMessage());
                return 404;
            }
        }
    }

    private static String userOf(String uri) {
        String s = uri.replaceAll("^<|>$", "");
        int colon = s.indexOf(':');
        int at = s.indexOf('@');
        return at > colon && colon >= 0 ? s.substring(colon + 1, at) : s;
    }

    private SwitchCall callOf(SipCall leg) {
        CallId id = callOfLeg.get(leg.callId());
        return id == null ? null : calls.get(id);
    }

    private static Party partyOf(SwitchCall call, SipCall leg) {
        for (Party p : call.parties) {
            if (p.sip == leg) {
                return p;
            }
        }
        return null;
    }

    /** A leg ended at the far end (or by us). The caller leaving ends the call for everyone. */
    private void legEnded(Party party, ClearCause cause) {
        CallId id = callOfLeg.remove(party.sip.callId());
        SwitchCall call = id == null ? null : calls.get(id);
        if (call == null) {
            return;
        }
        boolean endCall;
        ConnectionState before;
        synchronized (call) {
            if (!call.parties.remove(party)) {
                return;
            }
            removeFromBridge(call, party);
            endCall = party.caller || call.parties.stream().noneMatch(Party::talking);
            before = party.state;
            party.state = ConnectionState.CLEARED;
        }
        if (before != ConnectionState.ALERTING || party.caller) {
            emit(new CallEvent.Cleared(call.id, Instant.now(), party.id, party.leaving ? ClearCause.NORMAL : cause, endCall));
        }
        if (endCall) {
            endCall(call, party.caller ? cause : ClearCause.NORMAL);
        }
    }

    private void endCall(SwitchCall call, ClearCause cause) {
        List<Party> rest;
        synchronized (call) {
            if (call.ended) {
                return;
            }
            call.ended = true;
            rest = new ArrayList<>(call.parties);
            call.parties.clear();
            if (call.bridge != null) {
                call.bridge.close();
            }
        }
        calls.remove(call.id);
        for (Party p : rest) {
            callOfLeg.remove(p.sip.callId(), call.id);
            hangUp(p);
            // The SIP layer releases a leg's media when the leg ends; a leg that never ends
            // cleanly (a 200 never ACKed) must not keep its ports.
            negotiator.released(p.sip.callId());
            emit(new CallEvent.Cleared(call.id, Instant.now(), p.id, cause, true));
        }
        if (call.recordingRef != null) {
            emit(new CallEvent.RecordingFinished(call.id, Instant.now(), call.connection(call.routePoint),
                    call.recordingRef, java.time.Duration.between(call.started, Instant.now()).toMillis()));
        }
    }

    private static void hangUp(Party p) {
        p.leaving = true;
        if (p.sip instanceof InboundCall inbound && p.state == ConnectionState.ALERTING) {
            inbound.reject(480);
        } else if (p.sip instanceof OutboundCall outbound && p.state == ConnectionState.ALERTING) {
            outbound.cancel();
        } else {
            p.sip.hangup();
        }
    }

    // ------------------------------------------------------------------ call control

    private SwitchCall call(CallId id) throws TelephonyException {
        SwitchCall call = calls.get(id);
        if (call == null) {
            throw new TelephonyException("no such call: " + id);
        }
        return call;
    }

    private Party party(ConnectionId id) throws TelephonyException {
        return call(id.call()).resolve(id)
                .orElseThrow(() -> new TelephonyException("no such connection: " + id));
    }

    private MediaSession mediaOf(Party p) throws TelephonyException {
        MediaSession m = p.media != null ? p.media : negotiator.session(p.sip.callId());
        if (m == null) {
            throw new TelephonyException("no media on " + p.id + " (not answered yet)");
        }
        p.media = m;
        return m;
    }

    @Override
    public void answer(ConnectionId alerting) throws TelephonyException {
        Party p = party(alerting);
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
        Party p = party(alerting);
        if (!(p.sip instanceof InboundCall inbound) || !inbound.reject(SipCauses.statusFor(cause))) {
            throw new TelephonyException(alerting + " is not a ringing inbound call");
        }
        p.leaving = true;
    }

    @Override
    public void clearConnection(ConnectionId connection) throws TelephonyException {
        hangUp(party(connection));
    }

    @Override
    public void clearCall(CallId id) throws TelephonyException {
        endCall(call(id), ClearCause.NORMAL);
    }

    @Override
    public CallId makeCall(DeviceId from, DeviceId destination, Map<String, String> data) throws TelephonyException {
        checkOutside(destination, "makeCall"); // before the agent's phone rings for a number we will not dial
        // Click to dial: ring the agent's own phone first; when it answers, call the destination.
        SwitchCall call = new SwitchCall(newCallId(), from.value(), destination.value(), from);
        call.data.putAll(data);
        calls.put(call.id, call);
        Party agent = placeLeg(call, from, destination.value(), true);
        OutboundCall leg = (OutboundCall) agent.sip;
        leg.answered().thenRunAsync(() -> {
            try {
                routeTo(call.id, destination);
            } catch (TelephonyException e) {
                LOG.infof("Click-to-dial %s → %s failed: %s", from, destination, e.getMessage());
                endCall(call, ClearCause.UNREACHABLE);
            }
        }, executor);
        return call.id;
    }

    @Override
    public ConnectionId routeTo(CallId callId, DeviceId destination) throws TelephonyException {
        SwitchCall call = call(callId);
        ConnectionId placed = placeLeg(call, destination, call.ani, false).id;
        // A caller not yet answered hears ringing while the destination rings.
        call.caller().filter(p -> p.state == ConnectionState.ALERTING && p.sip instanceof InboundCall)
                .ifPresent(p -> ((InboundCall) p.sip).ringing());
        return placed;
    }

    /** Places a SIP leg to a device for a call; when answered, the device joins the call's bridge. */
    private Party placeLeg(SwitchCall call, DeviceId destination, String callerId, boolean caller) throws TelephonyException {
        synchronized (call) {
            if (++call.legsPlaced > SwitchCall.MAX_LEGS) {
                throw new TelephonyException("call " + call.id + " has placed " + SwitchCall.MAX_LEGS
                        + " legs already: refusing more (a routing loop?)");
            }
        }
        OutboundCall leg;
        try {
            if (devices.knows(destination.value()) || sip.registrations().contactFor(destination.value()).isPresent()) {
                if (sip.registrations().contactFor(destination.value()).isEmpty()) {
                    throw new TelephonyException("extension " + destination + " is not registered");
                }
                leg = sip.uac().callExtension(destination.value(), callerId);
            } else if (config.outboundTrunk() != null) {
                checkOutside(destination, "switch");
                leg = sip.uac().call(config.outboundTrunk().replace("{number}", destination.value()), callerId);
            } else {
                throw new TelephonyException(destination + " is neither a registered extension nor reachable by a trunk");
            }
        } catch (RuntimeException e) {
            throw new TelephonyException("cannot call " + destination + ": " + e.getMessage(), e);
        }
        Party party = new Party(call.connection(destination), leg, caller, ConnectionState.ALERTING);
        synchronized (call) {
            call.parties.add(party);
        }
        callOfLeg.put(leg.callId(), call.id);
        emit(new CallEvent.Delivered(call.id, Instant.now(), party.id, call.ani, call.dnis, call.data, false));
        // Futures complete on SIP stack threads: continue on the container's threads.
        leg.answered().whenCompleteAsync((ok, err) -> {
            if (err == null) {
                connected(party);
            } else {
                failed(party, err);
            }
        }, executor);
        leg.ended().whenCompleteAsync((end, err) -> {
            if (party.state != ConnectionState.ALERTING) {
                legEnded(party, end == null ? ClearCause.NETWORK_FAILURE : SipCauses.causeOf(end, true));
            }
        }, executor);
        return party;
    }

    private void connected(Party party) {
        SwitchCall call = callOfLeg.containsKey(party.sip.callId()) ? calls.get(callOfLeg.get(party.sip.callId())) : null;
        if (call == null) {
            party.sip.hangup();
            return;
        }
        synchronized (call) {
            party.state = ConnectionState.CONNECTED;
            party.media = negotiator.session(party.sip.callId());
            // Back-to-back: the caller's INVITE is answered when the called phone answers.
            call.caller().filter(p -> p.state == ConnectionState.ALERTING && p.sip instanceof InboundCall)
                    .ifPresent(p -> {
                        if (((InboundCall) p.sip).answer()) {
                            p.state = ConnectionState.CONNECTED;
                            p.media = negotiator.session(p.sip.callId());
                        }
                    });
            joinBridge(call);
        }
        emit(new CallEvent.Established(call.id, Instant.now(), party.id));
    }

    private void failed(Party party, Throwable err) {
        Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
        ClearCause why = cause instanceof CallFailedException f ? SipCauses.causeOf(f.statusCode()) : ClearCause.NETWORK_FAILURE;
        CallId id = callOfLeg.remove(party.sip.callId());
        SwitchCall call = id == null ? null : calls.get(id);
        if (call == null) {
            return;
        }
        boolean remove;
        synchronized (call) {
            remove = call.parties.remove(party);
            party.state = ConnectionState.FAILED;
        }
        if (remove) {
            emit(new CallEvent.Failed(call.id, Instant.now(), party.id, party.leaving ? ClearCause.NORMAL : why));
            if (call.parties.isEmpty()) {
                endCall(call, why);
            }
        }
    }

    /** Puts every connected, not-held party with media into the call's bridge. */
    private void joinBridge(SwitchCall call) {
        if (call.bridge == null) {
            call.bridge = media.createBridge();
        }
        for (Party p : call.parties) {
            if (p.state == ConnectionState.CONNECTED) {
                MediaSession m = p.media != null ? p.media : negotiator.session(p.sip.callId());
                if (m != null) {
                    p.media = m;
                    m.stopPlayback();
                    if (!call.bridge.legs().contains(m)) {
                        call.bridge.add(m);
                    }
                }
            }
        }
    }

    private static void removeFromBridge(SwitchCall call, Party p) {
        if (call.bridge != null && p.media != null) {
            call.bridge.remove(p.media);
        }
    }

    @Override
    public void hold(ConnectionId connection) throws TelephonyException {
        SwitchCall call = call(connection.call());
        Party p = party(connection);
        MediaSession m = mediaOf(p);
        synchronized (call) {
            // Media is anchored here: holding a party is taking it out of the mix and giving it music.
            removeFromBridge(call, p);
            m.playMusicOnHold();
            p.state = ConnectionState.HELD;
        }
        emit(new CallEvent.Held(call.id, Instant.now(), p.id));
    }

    @Override
    public void retrieve(ConnectionId held) throws TelephonyException {
        SwitchCall call = call(held.call());
        Party p = party(held);
        synchronized (call) {
            if (p.state != ConnectionState.HELD) {
                return;
            }
            p.state = ConnectionState.CONNECTED;
            joinBridge(call);
        }
        emit(new CallEvent.Retrieved(call.id, Instant.now(), p.id));
    }

    @Override
    public void singleStepTransfer(ConnectionId transferring, DeviceId destination) throws TelephonyException {
        checkOutside(destination, "transfer"); // before the caller is put to music for a number we will not dial
        SwitchCall call = call(transferring.call());
        Party leaving = party(transferring);
        for (Party other : call.parties) {
            if (other != leaving && other.media != null) {
                other.media.playMusicOnHold(); // the caller hears music while the destination rings
            }
        }
        ConnectionId target = routeTo(call.id, destination);
        leaving.leaving = true;
        synchronized (call) {
            call.parties.remove(leaving);
            removeFromBridge(call, leaving);
        }
        callOfLeg.remove(leaving.sip.callId());
        leaving.sip.hangup();
        emit(new CallEvent.Transferred(call.id, Instant.now(), call.id, leaving.id.device(), target.device()));
        emit(new CallEvent.Cleared(call.id, Instant.now(), leaving.id, ClearCause.TRANSFERRED, false));
    }

    @Override
    public ConnectionId consultationCall(ConnectionId active, DeviceId destination) throws TelephonyException {
        checkOutside(destination, "consultation");
        SwitchCall first = call(active.call());
        Party agent = party(active);
        MediaSession agentMedia = mediaOf(agent);
        // The others in the first call wait with music; the agent's media moves to a new call.
        synchronized (first) {
            for (Party other : first.parties) {
                if (other != agent && other.media != null) {
                    removeFromBridge(first, other);
                    other.media.playMusicOnHold();
                    other.state = ConnectionState.HELD;
                    emit(new CallEvent.Held(first.id, Instant.now(), other.id));
                }
            }
            removeFromBridge(first, agent);
        }
        SwitchCall consult = new SwitchCall(newCallId(), agent.id.device().value(), destination.value(), agent.id.device());
        consult.data.putAll(first.data);
        consult.data.put("kefu.consultationOf", first.id.value());
        Party agentInConsult = agent.movedTo(consult.connection(agent.id.device()));
        agentInConsult.state = ConnectionState.CONNECTED;
        agentInConsult.media = agentMedia;
        consult.parties.add(agentInConsult);
        calls.put(consult.id, consult);
        placeLeg(consult, destination, agent.id.device().value(), false);
        return agentInConsult.id;
    }

    @Override
    public void completeTransfer(ConnectionId held, ConnectionId consulted) throws TelephonyException {
        SwitchCall first = call(held.call());
        SwitchCall consult = call(consulted.call());
        Party agent = party(held);
        List<Party> joining = new ArrayList<>();
        synchronized (consult) {
            for (Party p : consult.parties) {
                if (!p.id.device().equals(agent.id.device())) {
                    joining.add(p);
                }
            }
            consult.parties.clear();
            consult.ended = true;
            if (consult.bridge != null) {
                consult.bridge.close();
            }
        }
        calls.remove(consult.id);
        if (joining.isEmpty()) {
            throw new TelephonyException("nobody to transfer to in " + consult.id);
        }
        Party transferredTo = null;
        synchronized (first) {
            first.parties.remove(agent);
            removeFromBridge(first, agent);
            for (Party p : joining) {
                Party moved = p.movedTo(first.connection(p.id.device()));
                first.parties.add(moved);
                callOfLeg.put(p.sip.callId(), first.id);
                rewire(p, moved);
                transferredTo = moved;
            }
            for (Party p : first.parties) {
                if (p.state == ConnectionState.HELD) {
                    p.state = ConnectionState.CONNECTED;
                }
            }
            joinBridge(first);
        }
        agent.leaving = true;
        callOfLeg.remove(agent.sip.callId());
        agent.sip.hangup();
        emit(new CallEvent.Transferred(first.id, Instant.now(), consult.id, agent.id.device(), transferredTo.id.device()));
        emit(new CallEvent.Cleared(first.id, Instant.now(), agent.id, ClearCause.TRANSFERRED, false));
        emit(new CallEvent.Cleared(consult.id, Instant.now(), consulted, ClearCause.TRANSFERRED, true));
    }

    /** A party moved between calls keeps its SIP leg; its end must now be reported in the new call. */
    private void rewire(Party old, Party moved) {
        old.sip.ended().whenCompleteAsync((end, err) -> legEnded(moved,
                end == null ? ClearCause.NETWORK_FAILURE : SipCauses.causeOf(end, true)), executor);
    }

    @Override
    public void alternate(ConnectionId held, ConnectionId active) throws TelephonyException {
        SwitchCall toResume = call(held.call());
        SwitchCall toHold = call(active.call());
        Party agentActive = party(active);
        MediaSession agentMedia = mediaOf(agentActive);
        synchronized (toHold) {
            for (Party p : toHold.parties) {
                if (p != agentActive && p.media != null) {
                    removeFromBridge(toHold, p);
                    p.media.playMusicOnHold();
                    p.state = ConnectionState.HELD;
                }
            }
            removeFromBridge(toHold, agentActive);
        }
        synchronized (toResume) {
            toResume.resolve(held).ifPresent(p -> p.media = agentMedia);
            for (Party p : toResume.parties) {
                if (p.state == ConnectionState.HELD) {
                    p.state = ConnectionState.CONNECTED;
                }
            }
            joinBridge(toResume);
        }
        emit(new CallEvent.Held(toHold.id, Instant.now(), active));
        emit(new CallEvent.Retrieved(toResume.id, Instant.now(), held));
    }

    @Override
    public void conference(ConnectionId held, ConnectionId active) throws TelephonyException {
        SwitchCall first = call(held.call());
        SwitchCall second = call(active.call());
        DeviceId agentDevice = held.device();
        List<Party> joining = new ArrayList<>();
        synchronized (second) {
            for (Party p : second.parties) {
                if (!p.id.device().equals(agentDevice)) {
                    joining.add(p);
                }
            }
            second.parties.clear();
            second.ended = true;
            if (second.bridge != null) {
                second.bridge.close();
            }
        }
        calls.remove(second.id);
        synchronized (first) {
            for (Party p : joining) {
                Party moved = p.movedTo(first.connection(p.id.device()));
                first.parties.add(moved);
                callOfLeg.put(p.sip.callId(), first.id);
                rewire(p, moved);
            }
            for (Party p : first.parties) {
                if (p.state == ConnectionState.HELD) {
                    p.state = ConnectionState.CONNECTED;
                }
            }
            joinBridge(first);
        }
        for (Party p : joining) {
            emit(new CallEvent.Conferenced(first.id, Instant.now(), p.id.device()));
        }
        emit(new CallEvent.Cleared(second.id, Instant.now(), active, ClearCause.NORMAL, true));
    }

    @Override
    public void deflect(ConnectionId alerting, DeviceId destination) throws TelephonyException {
        Party p = party(alerting);
        if (p.state != ConnectionState.ALERTING || !(p.sip instanceof OutboundCall outbound)) {
            throw new TelephonyException(alerting + " is not ringing at a device");
        }
        p.leaving = true;
        outbound.cancel();
        routeTo(alerting.call(), destination);
    }

    @Override
    public void pickup(ConnectionId alerting, DeviceId picker) throws TelephonyException {
        deflect(alerting, picker);
    }

    // ------------------------------------------------------------------ media

    @Override
    public void play(ConnectionId to, Prompt prompt) throws TelephonyException {
        Party p = party(to);
        MediaSession m = mediaOf(p);
        CallId callId = to.call();
        try {
            if (prompt.loop() && prompt.names().equals(List.of("music-on-hold"))) {
                m.playMusicOnHold();
                return;
            }
            m.play(prompt.names(), prompt.locale(), prompt.bargeIn(), outcome -> emit(new CallEvent.PromptFinished(
                    callId, Instant.now(), to, switch (outcome) {
                        case COMPLETED -> CallEvent.PromptEnd.COMPLETED;
                        case BARGED_IN -> CallEvent.PromptEnd.BARGED_IN;
                        default -> CallEvent.PromptEnd.STOPPED;
                    })));
        } catch (PromptNotFoundException e) {
            throw new TelephonyException(e.getMessage(), e);
        }
    }

    @Override
    public void collectDigits(ConnectionId from, DigitCollection spec) throws TelephonyException {
        Party p = party(from);
        MediaSession m = mediaOf(p);
        CallId callId = from.call();
        DigitSpec ds = new DigitSpec(spec.maxDigits(), spec.terminator(),
                spec.firstDigit().toMillis(), spec.interDigit().toMillis());
        m.collectDigits(ds, result -> emit(new CallEvent.DigitsReceived(callId, Instant.now(), from,
                result.digits(), endOf(result), spec.secret())));
    }

    private static CallEvent.DigitsEnd endOf(DigitResult result) {
        return switch (result.reason()) {
            case MAX_DIGITS -> CallEvent.DigitsEnd.MAX_DIGITS;
            case TERMINATOR -> CallEvent.DigitsEnd.TERMINATOR;
            case TIMEOUT -> CallEvent.DigitsEnd.TIMEOUT;
            default -> CallEvent.DigitsEnd.CANCELLED;
        };
    }

    @Override
    public void record(ConnectionId of, int maxSeconds) throws TelephonyException {
        if (maxSeconds < 1 || maxSeconds > 3600) {
            throw new TelephonyException("a recording lasts 1 to 3600 seconds, not " + maxSeconds);
        }
        Party p = party(of);
        MediaSession m = mediaOf(p);
        String ref = RecordingNames.ofMessage(of.call()); // never the caller's number
        Path file = config.recordingDir().resolve(ref);
        Instant began = Instant.now();
        try {
            m.startRecording(file);
        } catch (IOException e) {
            throw new TelephonyException("cannot record to " + file + ": " + e.getMessage(), e);
        }
        Runnable finish = () -> {
            m.stopRecording();
            emit(new CallEvent.RecordingFinished(of.call(), Instant.now(), of, ref,
                    java.time.Duration.between(began, Instant.now()).toMillis()));
        };
        // Ends at the time limit, or when the caller presses # (or hangs up: the session closes).
        ScheduledExecutorService t = timers;
        var limit = t.schedule(finish, maxSeconds, TimeUnit.SECONDS);
        m.collectDigits(new DigitSpec(1, '#', maxSeconds * 1000L, maxSeconds * 1000L), r -> {
            if (limit.cancel(false)) {
                finish.run();
            }
        });
    }

    @Override
    public void recordCall(CallId id) throws TelephonyException {
        SwitchCall call = call(id);
        synchronized (call) {
            if (call.recordingRef != null) {
                return;
            }
            joinBridge(call);
            String ref = RecordingNames.ofCall(id);
            try {
                call.bridge.startRecording(config.recordingDir().resolve(ref));
            } catch (IOException e) {
                throw new TelephonyException("cannot record call " + id + ": " + e.getMessage(), e);
            }
            call.recordingRef = ref;
        }
    }

    /** Digits per command: a long account number with its terminator fits; a runaway script does not. */
    private static final int MAX_DIGITS = 32;
    /** SIP INFO fallback: one key every 160 ms, the pace of the RFC 4733 sender (100 ms tone, 60 ms gap). */
    private static final long INFO_SPACING_MILLIS = 160;
    private static final int INFO_DURATION_MILLIS = 100;

    @Override
    public void sendDigits(ConnectionId from, String digits) throws TelephonyException {
        if (digits == null || digits.isEmpty() || digits.length() > MAX_DIGITS) {
            throw new TelephonyException("send 1 to " + MAX_DIGITS + " DTMF digits at a time, not "
                    + (digits == null ? 0 : digits.length()));
        }
        for (int i = 0; i < digits.length(); i++) {
            // The position, never the character: whatever was typed may be part of a PIN.
            if (!TelephoneEvent.isDtmf(digits.charAt(i))) {
                throw new TelephonyException("character " + (i + 1) + " of the digits is not a DTMF key (0-9 * # A-D)");
            }
        }
        String keys = digits.toUpperCase(java.util.Locale.ROOT);
        SwitchCall call = call(from.call());
        Party sender = party(from);
        if (sender.state != ConnectionState.CONNECTED) {
            throw new TelephonyException(from + " is " + sender.state + ": only a connected party sends digits");
        }
        List<Party> receivers = new ArrayList<>();
        synchronized (call) {
            for (Party p : call.parties) {
                // Held parties hear music and are not part of the conversation the keys are meant for.
                if (p != sender && p.state == ConnectionState.CONNECTED) {
                    receivers.add(p);
                }
            }
        }
        if (receivers.isEmpty()) {
            throw new TelephonyException("nobody else is connected in " + call.id + " to receive the digits");
        }
        for (Party p : receivers) {
            MediaSession m = p.media != null ? p.media : negotiator.session(p.sip.callId());
            if (m != null && m.canSendDtmf()) {
                m.sendDigits(keys); // RFC 4733 events in the RTP stream towards that party
            } else {
                sendByInfo(p, keys);
            }
        }
        LOG.debugf("%d digit(s) from %s sent to %d party(ies)", Integer.valueOf(keys.length()), from, Integer.valueOf(receivers.size()));
    }

    /** For a party that negotiated no telephone-event: one SIP INFO application/dtmf-relay per key, in order. */
    private void sendByInfo(Party p, String keys) {
        ScheduledExecutorService t = timers;
        for (int i = 0; i < keys.length(); i++) {
            String body = DtmfRelay.relayBody(keys.charAt(i), INFO_DURATION_MILLIS);
            t.schedule(() -> p.sip.info("application", "dtmf-relay", body).whenComplete((status, err) -> {
                if (err != null || status >= 300) {
                    LOG.debugf("DTMF INFO to %s: %s", p.id, err != null ? err.getMessage() : "answered " + status);
                }
            }), i * INFO_SPACING_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stopMedia(ConnectionId connection) throws TelephonyException {
        Party p = party(connection);
        MediaSession m = mediaOf(p);
        m.stopPlayback();
        m.cancelDigits();
    }

    // ------------------------------------------------------------------ supervision

    @Override
    public ConnectionId monitor(CallId id, DeviceId supervisor, MonitorMode mode) throws TelephonyException {
        SwitchCall call = call(id);
        Party sup = placeLeg(call, supervisor, call.ani, false);
        call.data.put("kefu.monitor." + supervisor.value(), mode.name());
        ((OutboundCall) sup.sip).answered().thenRunAsync(() -> applyMonitorMode(call, sup, mode), executor);
        return sup.id;
    }

    @Override
    public void changeMonitorMode(ConnectionId supervisor, MonitorMode mode) throws TelephonyException {
        SwitchCall call = call(supervisor.call());
        Party sup = party(supervisor);
        call.data.put("kefu.monitor." + supervisor.device().value(), mode.name());
        applyMonitorMode(call, sup, mode);
    }

    private void applyMonitorMode(SwitchCall call, Party sup, MonitorMode mode) {
        synchronized (call) {
            MediaSession s = sup.media != null ? sup.media : negotiator.session(sup.sip.callId());
            if (s == null || call.bridge == null) {
                return;
            }
            sup.media = s;
            if (!call.bridge.legs().contains(s)) {
                call.bridge.add(s);
            }
            switch (mode) {
                case SILENT -> call.bridge.monitor(s);
                case BARGE -> call.bridge.barge(s);
                case WHISPER -> call.parties.stream()
                        .filter(p -> !p.caller && p != sup && p.media != null && p.state == ConnectionState.CONNECTED)
                        .findFirst()
                        .ifPresent(agent -> call.bridge.whisper(s, agent.media));
            }
        }
    }

    // ------------------------------------------------------------------ data and snapshots

    @Override
    public void attachData(CallId id, Map<String, String> data) throws TelephonyException {
        call(id).data.putAll(data);
    }

    @Override
    public Map<String, String> callData(CallId id) throws TelephonyException {
        return Map.copyOf(call(id).data);
    }

    @Override
    public CallSnapshot snapshotCall(CallId id) throws TelephonyException {
        return call(id).snapshot();
    }

    @Override
    public DeviceSnapshot snapshotDevice(DeviceId device) {
        boolean registered = sip != null && sip.registrations().contactFor(device.value()).isPresent();
        List<CallSnapshot.Party> in = new ArrayList<>();
        for (SwitchCall call : calls.values()) {
            call.party(device).ifPresent(p -> in.add(new CallSnapshot.Party(p.id, p.state)));
        }
        return new DeviceSnapshot(device, registered, in);
    }

    @Override
    public void provisionDevice(DeviceId device, String realm, String digestHa1) throws TelephonyException {
        provisionDevice(device, realm, digestHa1, null);
    }

    @Override
    public void provisionDevice(DeviceId device, String realm, String digestHa1, String digestHa1Sha256)
            throws TelephonyException {
        if (!config.realm().equals(realm)) {
            throw new TelephonyException("device " + device + " has credentials for realm \"" + realm
                    + "\", but the switch's realm is \"" + config.realm() + "\"");
        }
        if (digestHa1 == null || !digestHa1.matches("[0-9a-f]{32}")) {
            throw new TelephonyException("device " + device + ": the digest secret must be 32 hex digits (MD5 HA1)");
        }
        if (digestHa1Sha256 != null && !digestHa1Sha256.matches("[0-9a-f]{64}")) {
            throw new TelephonyException("device " + device + ": the SHA-256 digest secret must be 64 hex digits");
        }
        devices.provision(device.value(), digestHa1, digestHa1Sha256);
    }

    @Override
    public void removeDevice(DeviceId device) {
        devices.remove(device.value());
    }

    // ------------------------------------------------------------------ helpers

    private void emit(CallEvent event) {
        try {
            events.accept(event);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Cannot deliver %s", event.getClass().getSimpleName());
        }
    }

    private static CallId newCallId() {
        return new CallId(UUID.randomUUID().toString());
    }

    private static CallId deviceCall(String device) {
        return new CallId("device:" + device);
    }

    /** Calls in progress, for tests and status. */
    public Set<CallId> activeCalls() {
        return Set.copyOf(calls.keySet());
    }
}
