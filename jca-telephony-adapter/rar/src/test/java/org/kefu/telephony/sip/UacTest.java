package org.kefu.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Kefu calling Kefu: link A's UAC against link B's UAS, over real sockets (hold, retrieve, cancel, BYE). */
class UacTest {

    final RecordingCallHandler aHandler = new RecordingCallHandler();
    final RecordingCallHandler bHandler = new RecordingCallHandler();
    final G711TestNegotiator aMedia = new G711TestNegotiator(40040);
    final G711TestNegotiator bMedia = new G711TestNegotiator(40050);
    final ThreadPoolExecutor executor = TestLinks.boundedExecutor(4, 100);
    SipLink a;
    SipLink b;

    @BeforeEach
    void start() {
        a = new SipLink(TestLinks.config(15086), aHandler, TestLinks.DEMO_CREDENTIALS, aMedia, executor);
        b = new SipLink(TestLinks.config(15087), bHandler, TestLinks.DEMO_CREDENTIALS, bMedia, executor);
        a.start();
        b.start();
    }

    @AfterEach
    void stop() {
        a.stop();
        b.stop();
        executor.shutdownNow();
    }

    @Test
    void answeredCallCanBeHeldRetrievedAndHungUp() throws Exception {
        OutboundCall call = a.uac().call("sip:95500@127.0.0.1:15087", "8001");
        assertThat(call.answered().get(5, TimeUnit.SECONDS)).isSameAs(call);
        assertThat(bHandler.next()).isEqualTo("invite 8001->95500");
        assertThat(bHandler.next()).isEqualTo("established");
        // media.answered() runs on the application executor, just after the future completes
        long answeredBy = System.currentTimeMillis() + 2000;
        while (aMedia.answersReceived.get(call.callId()) == null && System.currentTimeMillis() < answeredBy) {
            Thread.sleep(20);
        }
        assertThat(aMedia.answersReceived.get(call.callId())).contains("m=audio 40050");

        assertThat(call.hold().get(5, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(bHandler.next()).isEqualTo("media SENDONLY");
        // media.answered() runs on the application executor, just after the future completes
        long deadline = System.currentTimeMillis() + 2000;
        while (!aMedia.answersReceived.get(call.callId()).contains("a=recvonly") && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(aMedia.answersReceived.get(call.callId())).contains("a=recvonly");
        assertThat(call.localDirection()).isEqualTo(MediaDirection.SENDONLY);

        assertThat(call.retrieve().get(5, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(bHandler.next()).isEqualTo("media SENDRECV");

        call.hangup();
        assertThat(bHandler.next()).isEqualTo("hangup");
        assertThat(call.ended().get()).isEqualTo(CallEnd.LOCAL_HANGUP);
        assertThat(bHandler.calls.get(0).ended().get(2, TimeUnit.SECONDS)).isEqualTo(CallEnd.REMOTE_HANGUP);
    }

    @Test
    void weRefreshTheSessionTimerTheCalleeGrantsUs() throws Exception {
        OutboundCall call = a.uac().call("sip:95500@127.0.0.1:15087", "8001");
        assertThat(call.answered().get(5, TimeUnit.SECONDS)).isSameAs(call);
        assertThat(bHandler.next()).isEqualTo("invite 8001->95500");
        assertThat(bHandler.next()).isEqualTo("established");
        InboundCall callee = bHandler.calls.get(0);
        // Our INVITE asked for 1,800 s; B granted it with us (the UAC) as refresher: we refresh at
        // half the interval, B ends the leg 32 s before expiry unless we do.
        long now = System.nanoTime();
        assertThat(call.refreshAtNanos - now).isBetween(TimeUnit.SECONDS.toNanos(890), TimeUnit.SECONDS.toNanos(900));
        assertThat(call.sessionDeadlineNanos).isZero();
        assertThat(callee.sessionDeadlineNanos - now).isBetween(TimeUnit.SECONDS.toNanos(1760), TimeUnit.SECONDS.toNanos(1768));

        callee.sessionDeadlineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(40); // as if most had passed
        call.refreshAtNanos = System.nanoTime() - 1; // as if 900 s had passed: the next sweep refreshes
        long deadline = System.currentTimeMillis() + 5000;
        while (callee.sessionDeadlineNanos - System.nanoTime() < TimeUnit.SECONDS.toNanos(1000)
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        now = System.nanoTime();
        assertThat(callee.sessionDeadlineNanos - now).as("B's deadline, moved by our refresh")
                .isBetween(TimeUnit.SECONDS.toNanos(1755), TimeUnit.SECONDS.toNanos(1768));
        deadline = System.currentTimeMillis() + 2000;
        while (call.refreshAtNanos == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(call.refreshAtNanos - System.nanoTime()).as("our next refresh")
                .isBetween(TimeUnit.SECONDS.toNanos(880), TimeUnit.SECONDS.toNanos(900));
        assertThat(call.isEnded()).isFalse();
        assertThat(callee.isEnded()).isFalse();
        call.hangup();
    }

    @Test
    void calleeCanHoldTheCallerAndHangUp() throws Exception {
        OutboundCall call = a.uac().call("sip:12345@127.0.0.1:15087", "8002");
        call.answered().get(5, TimeUnit.SECONDS);
        bHandler.next();
        bHandler.next();
        InboundCall inbound = bHandler.calls.get(0);
        assertThat(inbound.hold().get(5, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(aHandler.next()).isEqualTo("media SENDONLY");
        inbound.hangup();
        assertThat(aHandler.next()).isEqualTo("hangup");
        assertThat(call.ended().get(2, TimeUnit.SECONDS)).isEqualTo(CallEnd.REMOTE_HANGUP);
    }

    @Test
    void cancelWhileRingingEndsBothSides() throws Exception {
        bHandler.behaviour = InboundCall::ringing;
        OutboundCall call = a.uac().call("sip:96000@127.0.0.1:15087", "8003");
        assertThat(call.progress().get(5, TimeUnit.SECONDS)).isEqualTo(180);
        call.cancel();
        assertThatThrownBy(() -> call.answered().get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(CallFailedException.class);
        assertThat(bHandler.next()).startsWith("invite");
        assertThat(bHandler.next()).isEqualTo("cancel 96000");
        assertThat(call.ended().get(2, TimeUnit.SECONDS)).isEqualTo(CallEnd.CANCELLED);
    }

    @Test
    void rejectionAndUnregisteredExtensionFailTheCall() throws Exception {
        bHandler.behaviour = c -> c.reject(486);
        OutboundCall call = a.uac().call("sip:8001@127.0.0.1:15087", "95500");
        assertThatThrownBy(() -> call.answered().get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(CallFailedException.class)
                .cause().extracting(e -> ((CallFailedException) e).statusCode()).isEqualTo(486);
        assertThatThrownBy(() -> a.uac().callExtension("8005", "95500"))
                .isInstanceOf(CallFailedException.class).hasMessageContaining("480");
    }
}
