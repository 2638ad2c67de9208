package org.kefu.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Calls do not last forever (issue 14): the limits on real UDP sockets, one link per test. */
class CallLimitsTest {

    static final int PORT = 15093;
    final RecordingCallHandler handler = new RecordingCallHandler();
    final G711TestNegotiator media = new G711TestNegotiator(40030);
    final ThreadPoolExecutor executor = TestLinks.boundedExecutor(4, 50);
    SipLink link;

    void start(SipLinkConfig config, CallLimits limits) {
        link = new SipLink(config, handler, TestLinks.DEMO_CREDENTIALS, media, executor).limits(limits);
        link.start();
    }

    @AfterEach
    void stop() {
        if (link != null) link.stop();
        executor.shutdownNow();
    }

    /** Answers the established call, then waits for Kefu's BYE; returns it. */
    private static String awaitBye(RawSipClient c, int millis) throws Exception {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            String m = c.receive((int) Math.max(1, end - System.currentTimeMillis()));
            if (m != null && m.startsWith("BYE ")) {
                return m;
            }
        }
        return null;
    }

    @Test
    void aLegSilentForTheTimeoutIsEndedWithByeAndItsReason() throws Exception {
        start(TestLinks.config(PORT), CallLimits.defaults().withMediaTimeout(Duration.ofSeconds(2)));
        try (RawSipClient c = new RawSipClient(PORT)) {
            RawCall call = new RawCall(c, PORT, "95500");
            String ok = call.invite();
            call.ack(ok);
            assertThat(handler.next()).startsWith("invite");
            assertThat(handler.next()).isEqualTo("established");
            InboundCall inbound = handler.calls.get(0);
            media.silence = 1500; // the peer sends: silent for less than the timeout
            Thread.sleep(2500);
            assertThat(inbound.isEnded()).isFalse();
            media.silence = 2500; // now longer than the timeout
            assertThat(awaitBye(c, 5000)).as("Kefu's BYE").contains("Call-ID: " + call.callId());
            assertThat(inbound.ended().get(2, TimeUnit.SECONDS)).isEqualTo(CallEnd.MEDIA_TIMEOUT);
            // The call leaves the table just after its end is reported (the BYE's transaction ends it).
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (link.status().activeCalls() != 0 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(link.status().activeCalls()).isZero();
        }
    }

    @Test
    void aCallOverTheMaximumDurationIsEnded() throws Exception {
        start(TestLinks.config(PORT), CallLimits.defaults().withMaxDuration(Duration.ofSeconds(2)));
        try (RawSipClient c = new RawSipClient(PORT)) {
            RawCall call = new RawCall(c, PORT, "95500");
            String ok = call.invite();
            call.ack(ok);
            long answered = System.nanoTime();
            InboundCall inbound = handler.awaitCall();
            assertThat(awaitBye(c, 6000)).as("Kefu's BYE").isNotNull();
            assertThat(inbound.ended().get(2, TimeUnit.SECONDS)).isEqualTo(CallEnd.MAX_DURATION);
            assertThat(System.nanoTime() - answered).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(1500));
        }
    }

    @Test
    void aCallerWithSessionTimersIsGrantedOneAndEndedWhenItStopsRefreshing() throws Exception {
        start(TestLinks.config(PORT), CallLimits.defaults());
        try (RawSipClient c = new RawSipClient(PORT)) {
            RawCall tooShort = new RawCall(c, PORT, "95500");
            tooShort.sendInvite("Supported: timer\r\nSession-Expires: 30\r\n");
            String r422 = c.finalResponse(5000);
            assertThat(RawSipClient.status(r422)).isEqualTo(422);
            assertThat(RawSipClient.header(r422, "Min-SE")).isEqualTo("90");

            RawCall call = new RawCall(c, PORT, "95500");
            call.sendInvite("Supported: timer\r\nSession-Expires: 120\r\n");
            String ok = c.finalResponse(5000);
            assertThat(RawSipClient.status(ok)).isEqualTo(200);
            assertThat(RawSipClient.header(ok, "Session-Expires")).isEqualTo("120;refresher=uac");
            assertThat(RawSipClient.header(ok, "Require")).isEqualTo("timer");
            call.ack(ok);
            InboundCall inbound = handler.calls.stream().filter(x -> x.callId().equals(call.callId())).findFirst().orElseThrow();
            // BYE due 120 - min(32, 40) = 88 s after the 200
            assertThat(inbound.sessionDeadlineNanos - System.nanoTime())
                    .isBetween(TimeUnit.SECONDS.toNanos(80), TimeUnit.SECONDS.toNanos(88));
            inbound.sessionDeadlineNanos = System.nanoTime() - 1; // as if 88 s had passed without a refresh
            assertThat(awaitBye(c, 5000)).as("Kefu's BYE").contains("Call-ID: " + call.callId());
            assertThat(inbound.ended().get(2, TimeUnit.SECONDS)).isEqualTo(CallEnd.SESSION_EXPIRED);
        }
    }

    @Test
    void aCallerWithoutSessionTimersGetsNone() throws Exception {
        start(TestLinks.config(PORT), CallLimits.defaults());
        try (RawSipClient c = new RawSipClient(PORT)) {
            RawCall call = new RawCall(c, PORT, "95500");
            String ok = call.invite();
            assertThat(RawSipClient.header(ok, "Session-Expires")).isNull();
            assertThat(handler.awaitCall().sessionDeadlineNanos).isZero();
        }
    }

    @Test
    void aDeskPhoneMayNotPlaceMoreCallsAtOnceThanItsLimit() throws Exception {
        start(TestLinks.config(PORT).withTrunkAcl(List.of("192.0.2.0/24")), // 127.0.0.1 is a desk phone, no trunk
                CallLimits.defaults().withMaxCallsPerExtension(2));
        try (RawSipClient c = new RawSipClient(PORT)) {
            for (int i = 0; i < 2; i++) {
                String ok = new RawCall(c, PORT, "95500", "8003").inviteAuthenticated(TestLinks.PASSWORD);
                assertThat(RawSipClient.status(ok)).as("call %d", i + 1).isEqualTo(200);
            }
            String third = new RawCall(c, PORT, "95500", "8003").inviteAuthenticated(TestLinks.PASSWORD);
            assertThat(RawSipClient.status(third)).as(third).isEqualTo(486);
            String otherPhone = new RawCall(c, PORT, "95500", "8004").inviteAuthenticated(TestLinks.PASSWORD);
            assertThat(RawSipClient.status(otherPhone)).as("another phone is not affected").isEqualTo(200);
        }
    }
}
