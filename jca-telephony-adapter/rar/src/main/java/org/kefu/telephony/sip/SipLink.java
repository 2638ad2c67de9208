package org.kefu.telephony.sip;

import gov.nist.core.CommonLogger;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.time.Duration;
import java.util.concurrent.Executor;
import javax.sip.ListeningPoint;
import javax.sip.SipProvider;
import org.jboss.logging.Logger;
import org.kefu.telephony.timing.Timers;

/**
 * The switch link: one JAIN-SIP stack listening on UDP and/or TCP, acting as registrar for agents' phones,
 * UAS for trunk and extension calls, and UAC for calls we place. Plain Java; the resource adapter owns
 * one instance and calls {@link #start()} / {@link #stop()} from its own lifecycle.
 */
public final class SipLink {

    private static final Logger LOG = Logger.getLogger(SipLink.class);

    static {
        // Why: some JAIN-SIP classes log before any stack exists (e.g. parsing with the factories);
        // without this the RI's CommonLogger falls back to log4j.
        if (CommonLogger.legacyLogger == null) {
            CommonLogger.legacyLogger = new SipStackLogger();
        }
        CommonLogger.useLegacyLogger = true;
    }

    private final SipLinkConfig config;
    private final CallHandler handler;
    private final CredentialSource credentials;
    private final MediaNegotiator media;
    private final Executor executor;
    private final Clock clock;
    private final Registrations registrations;

    private SipStackImpl stack;
    private SipProvider provider;
    private SipContext ctx;
    private Uac uac;
    /** The switch's timers (the resource adapter's), or null: a thread of the link's own while it runs. */
    private final Timers timers;
    /** The link's housekeeping tasks while it runs (cancelled together at stop). */
    private Timers.Scope housekeeping;
    private Timers.Own ownTimers;
    private SipDispatcher dispatcher;
    private volatile CallLimits limits = CallLimits.defaults();
    private volatile SipTls tls;
    private volatile SrtpPolicy srtpPolicy = SrtpPolicy.OPTIONAL;
    private volatile RefusalAudit refusals = RefusalAudit.logOnly();

    /**
     * @param executor where application work runs (the JCA WorkManager in WildFly). It should reject
     *                 (RejectedExecutionException) rather than queue without bound; the link also caps
     *                 work in flight at {@link SipLinkConfig#maxPendingWork()} and answers 503 beyond it.
     */
    public SipLink(SipLinkConfig config, CallHandler handler, CredentialSource credentials, MediaNegotiator media,
                   Executor executor) {
        this(config, handler, credentials, media, executor, Clock.systemUTC());
    }

    public SipLink(SipLinkConfig config, CallHandler handler, CredentialSource credentials, MediaNegotiator media,
                   Executor executor, Clock clock) {
        this(config, handler, credentials, media, executor, clock, null);
    }

    /**
     * @param timers where the link's housekeeping runs (sweeps of registrations, nonces and address
     *               throttles every 5 s, call limits every second): the switch's, which in WildFly are
     *               the resource adapter's timer; null for a thread of the link's own while it runs
     */
    public SipLink(SipLinkConfig config, CallHandler handler, CredentialSource credentials, MediaNegotiator media,
                   Executor executor, Timers timers) {
        this(config, handler, credentials, media, executor, Clock.systemUTC(), timers);
    }

    private SipLink(SipLinkConfig config, CallHandler handler, CredentialSource credentials, MediaNegotiator media,
                    Executor executor, Clock clock, Timers timers) {
        this.timers = timers;
        this.config = config;
        this.handler = handler;
        this.credentials = credentials;
        this.media = media;
        this.executor = executor;
        this.clock = clock;
        this.registrations = new Registrations(clock);
    }

    /** Sets the bounds on calls (takes effect at once, also on a running link). */
    public SipLink limits(CallLimits limits) {
        this.limits = java.util.Objects.requireNonNull(limits);
        SipContext c = ctx;
        if (c != null) {
            c.limits = limits;
        }
        return this;
    }

    public CallLimits limits() {
        return limits;
    }

    /** Where the link reports what it refuses for its protection; takes effect at the next {@link #start()}. */
    public SipLink refusals(RefusalAudit refusals) {
        this.refusals = java.util.Objects.requireNonNull(refusals);
        return this;
    }

    /** When media must be SRTP (takes effect at once, also on a running link). */
    public SipLink srtp(SrtpPolicy policy) {
        this.srtpPolicy = java.util.Objects.requireNonNull(policy);
        SipContext c = ctx;
        if (c != null) {
            c.srtpPolicy = policy;
        }
        return this;
    }

    public SrtpPolicy srtpPolicy() {
        return srtpPolicy;
    }

    /** Also listen on TLS (null: not); takes effect at the next {@link #start()}. */
    public SipLink tls(SipTls tls) {
        this.tls = tls;
        return this;
    }

    public SipLinkConfig config() {
        return config;
    }

    /** The location table (lives across restarts of the link). */
    public Registrations registrations() {
        return registrations;
    }

    /** Bind the ports and start answering. Idempotent. */
    public synchronized void start() {
        if (stack != null) {
            return;
        }
        try {
            stack = new SipStackImpl(stackProperties());
            for (String transport : List.of("udp", "tcp")) {
                if (!config.transports().contains(transport)) continue;
                ListeningPoint lp = stack.createListeningPoint(config.host(), config.port(), transport);
                if (provider == null) {
                    provider = stack.createSipProvider(lp);
                } else {
                    provider.addListeningPoint(lp);
                }
            }
            SipTls secure = tls;
            if (secure != null) {
                provider.addListeningPoint(stack.createListeningPoint(config.host(), secure.port(), "tls"));
            }
            HeaderFactoryImpl headers = new HeaderFactoryImpl();
            ctx = new SipContext(config, provider, new MessageFactoryImpl(), headers, new AddressFactoryImpl(),
                    media, handler, new WorkGate(executor, config.maxPendingWork()), refusals);
            ctx.limits = limits;
            ctx.srtpPolicy = srtpPolicy;
            ctx.tlsPort = secure == null ? 0 : secure.port();
            DigestAuthenticator authenticator = new DigestAuthenticator(config.realm(), config.nonceLifetime(), clock);
            authenticator.offerSha256When(credentials::everyoneHasSha256);
            AuthGuard guard = AuthGuard.standard(clock, refusals);
            Registrar registrar = new Registrar(ctx, registrations, authenticator, credentials, guard);
            dispatcher = new SipDispatcher(ctx, new TrunkAcl(config.trunkAcl()), registrar, authenticator, credentials, guard);
            provider.addSipListener(dispatcher);
            uac = new Uac(ctx, registrations);
            stack.start();
            // Housekeeping, not call handling: none of it is on a call's path, so it may run on the
            // server's timer (the adapter's BootstrapContext) rather than a thread the link keeps.
            ownTimers = timers == null ? Timers.ownThread("kefu-sip-housekeeping-" + config.port()) : null;
            housekeeping = Timers.scope(ownTimers != null ? ownTimers : timers);
            housekeeping.every(Duration.ofSeconds(5), () -> {
                try {
                    registrations.sweep();
                    authenticator.sweep();
                    guard.sweep();
                    refusals.flush();
                } catch (RuntimeException e) {
                    LOG.warn("housekeeping failed", e);
                }
            });
            CallLimitEnforcer enforcer = new CallLimitEnforcer(ctx);
            housekeeping.every(Duration.ofSeconds(1), () -> {
                try {
                    enforcer.sweep();
                } catch (RuntimeException e) {
                    LOG.warn("call limit sweep failed", e);
                }
            });
            LOG.infof("SIP link listening on %s (trunks from %s)", endpoints(), config.trunkAcl());
        } catch (Exception e) {
            stop();
            throw new SipLinkException("cannot start SIP link on " + config.host() + ":" + config.port(), e);
        }
    }

    /** Release the ports and the stack's threads. Calls in progress are dropped without BYE. Idempotent. */
    public synchronized void stop() {
        if (housekeeping != null) {
            housekeeping.close();
            housekeeping = null;
        }
        if (ownTimers != null) {
            ownTimers.close();
            ownTimers = null;
        }
        if (ctx != null) {
            for (SipCall call : List.copyOf(ctx.calls.values())) {
                call.end(CallEnd.TIMEOUT);
            }
        }
        if (stack != null) {
            try {
                if (provider != null) {
                    ListeningPoint[] lps = provider.getListeningPoints();
                    if (dispatcher != null) {
                        provider.removeSipListener(dispatcher); // else deleteSipProvider refuses and ports stay bound
                    }
                    stack.deleteSipProvider(provider);
                    for (ListeningPoint lp : lps) {
                        stack.deleteListeningPoint(lp);
                    }
                }
            } catch (Exception e) {
                LOG.debug("error releasing listening points", e);
            }
            gov.nist.javax.sip.EventScanner scanner = stack.getEventScanner();
            SipProvider wakeSource = provider;
            stack.stop();
            if (scanner != null) {
                // JAIN-SIP bug: forceStop() only sets a flag while EventScannerThread sits in queue.take();
                // one dummy event wakes it so it sees the flag and exits (else one thread leaks per stop).
                scanner.addEvent(new gov.nist.javax.sip.EventWrapper(new java.util.EventObject(wakeSource == null ? this : wakeSource), null));
            }
            LOG.infof("SIP link on port %d stopped", config.port());
        }
        stack = null;
        dispatcher = null;
        provider = null;
        ctx = null;
        uac = null;
    }

    public synchronized boolean isRunning() {
        return stack != null;
    }

    public synchronized SipLinkStatus status() {
        return new SipLinkStatus(stack != null, endpoints(), ctx == null ? 0 : ctx.calls.size(), registrations.size());
    }

    /** New calls refused 503 because of overload since start. */
    public synchronized long callsRefusedForOverload() {
        return ctx == null ? 0 : ctx.shedding.refusedCalls();
    }

    /** UDP datagrams dropped because the receive queue was full (a flood), since start. */
    public synchronized long udpDatagramsDropped() {
        long n = 0;
        for (BoundedUdpMessageProcessor p : udpProcessors()) {
            n += p.dropped();
        }
        return n;
    }

    /** UDP datagrams waiting to be parsed now. */
    synchronized int udpDatagramsQueued() {
        int n = 0;
        for (BoundedUdpMessageProcessor p : udpProcessors()) {
            n += p.queued();
        }
        return n;
    }

    private List<BoundedUdpMessageProcessor> udpProcessors() {
        List<BoundedUdpMessageProcessor> out = new ArrayList<>();
        if (provider != null) {
            for (ListeningPoint lp : provider.getListeningPoints()) {
                if (lp instanceof gov.nist.javax.sip.ListeningPointImpl impl
                        && impl.getMessageProcessor() instanceof BoundedUdpMessageProcessor b) {
                    out.add(b);
                }
            }
        }
        return out;
    }

    /** Place calls. Only while running. */
    public synchronized Uac uac() {
        if (uac == null) throw new IllegalStateException("SIP link not running");
        return uac;
    }

    private List<String> endpoints() {
        List<String> out = new ArrayList<>();
        if (provider != null) {
            for (ListeningPoint lp : provider.getListeningPoints()) {
                out.add(lp.getTransport().toLowerCase() + ":" + lp.getIPAddress() + ":" + lp.getPort());
            }
        }
        return out;
    }

    private Properties stackProperties() {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "kefu-sip-" + config.port());
        // Our own loggers: no log4j class is ever loaded (WildFly has none).
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", SipStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", SipMessageLogger.class.getName());
        // Concurrent listener calls (SipDispatcher is thread-safe) on a fixed pool.
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(config.threadPoolSize()));
        // No TCP_POST_PARSING_THREAD_POOL_SIZE: that pool is static in JAIN-SIP and any stack's stop() shuts it
        // down for every other stack in the JVM.
        p.setProperty("gov.nist.javax.sip.AGGRESSIVE_CLEANUP", "true");
        // Also the size of the buffer each received datagram is read into and queued with.
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(config.maxMessageSize()));
        // UDP with a bounded receive queue: a flood is dropped at the door, not buffered until the heap is gone.
        p.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY", BoundedMessageProcessorFactory.class.getName());
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", Integer.toString(config.udpReceiveBuffer()));
        p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", Integer.toString(config.udpReceiveBuffer()));
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", Integer.toString(config.maxServerTransactions()));
        p.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", Integer.toString(config.maxServerTransactions()));
        // We create dialogs only for calls we accept or place, not for every INVITE that we reject.
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        // Symmetric response routing (RFC 3581) even when the phone did not ask: phones sit behind NAT.
        p.setProperty("gov.nist.javax.sip.ALWAYS_ADD_RPORT", "true");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
        SipTls t = tls;
        if (t != null) {
            // JAIN-SIP reads the server key from these stack properties (not the JVM's javax.net.ssl.*).
            p.setProperty("javax.net.ssl.keyStore", t.keyStore().toString());
            p.setProperty("javax.net.ssl.keyStorePassword", t.keyStorePassword());
            p.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
            p.setProperty("javax.net.ssl.trustStore", t.keyStore().toString());
            p.setProperty("javax.net.ssl.trustStorePassword", t.keyStorePassword());
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.3,TLSv1.2");
            // JAIN-SIP's default list is of RSA-key-exchange and anonymous suites that today's JDKs
            // disable (every handshake failed): forward-secret AEAD suites only.
            p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", String.join(" ",
                    "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
                    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                    "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                    "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"));
        }
        return p;
    }
}
