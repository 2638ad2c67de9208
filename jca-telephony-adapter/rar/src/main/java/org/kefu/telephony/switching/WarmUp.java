package org.kefu.telephony.switching;

import org.jboss.logging.Logger;
import org.kefu.telephony.SwitchConnectionFactory;
import org.kefu.telephony.media.MediaEngine;
import org.kefu.telephony.sip.CallHandler;
import org.kefu.telephony.sip.InboundCall;
import org.kefu.telephony.sip.OutboundCall;
import org.kefu.telephony.sip.SipLink;
import org.kefu.telephony.sip.SipLinkConfig;
import org.kefu.telephony.timing.Timers;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Calls from the switch to itself on loopback through the whole path (see
 * {@link SwitchConnectionFactory#warmUp}); outside calls get 503 meanwhile ({@link LegEvents} asks
 * {@link #isRunning()}). Why: a just-started JVM runs the call path interpreted, and the first minute
 * of ordinary traffic then queued up behind the compiler (issue 13: p95 setup of 3.9 s at 400 calls/s).
 */
final class WarmUp {

    private static final Logger LOG = SwitchRuntime.LOG;

    private final SwitchRuntime rt;
    private volatile boolean running;
    /** host:port the warm-up calls come from. */
    private volatile String source = "";

    WarmUp(SwitchRuntime rt) {
        this.rt = rt;
    }

    boolean isRunning() {
        return running;
    }

    /** Whether a request from there is one of the warm-up caller's. */
    boolean isSource(String host, int port) {
        return source.equals(host + ":" + port);
    }

    String run(String number, int calls, int perSecond, long holdMillis) {
        Timers t = rt.timers;
        MediaEngine engine = rt.media;
        SwitchConfig config = rt.config;
        if (rt.sip == null || t == null || engine == null || calls <= 0) {
            return "no warm-up";
        }
        String host = "0.0.0.0".equals(config.sipHost()) || "::".equals(config.sipHost()) ? "127.0.0.1" : config.sipHost();
        // The caller is a SIP link of its own (its own stack, call table and media sessions over the
        // same media engine): one link calling itself would meet its own Call-IDs.
        int callerPort;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getByName(host))) {
            callerPort = probe.getLocalPort();
        } catch (IOException e) {
            return "no warm-up: no local port for the caller (" + e.getMessage() + ")";
        }
        SipLink caller = new SipLink(SipLinkConfig.defaults().withHost(host).withPort(callerPort)
                .withTransports(Set.of("udp")).withTrunkAcl(List.of()),
                new CallHandler() {
                    @Override
                    public void onInvite(InboundCall call) {
                        call.reject(403);
                    }
                }, extension -> Optional.empty(), new SwitchMedia(engine, host), rt.executor, t);
        String target = "sip:" + number + "@" + host + ":" + config.sipPort();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>("");
        CountDownLatch over = new CountDownLatch(calls);
        long start = System.nanoTime();
        source = host + ":" + callerPort;
        running = true;
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
                    call = caller.uac().call(target, SwitchConnectionFactory.WARM_UP_CALLER);
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    over.countDown();
                    continue;
                }
                call.answered().whenComplete((ok, err) -> {
                    if (err != null) {
                        failed.incrementAndGet();
                        Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
                        firstFailure.compareAndSet("", " (first: " + cause.getMessage() + ")");
                    } else {
                        answered.incrementAndGet();
                        t.after(Duration.ofMillis(holdMillis), call::hangup);
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
            running = false;
            caller.stop();
        }
        return String.format("warm-up: %d call(s) to %s, %d answered, %d failed%s, in %d ms", placed, number,
                answered.get(), failed.get(), firstFailure.get(), (System.nanoTime() - start) / 1_000_000);
    }
}
