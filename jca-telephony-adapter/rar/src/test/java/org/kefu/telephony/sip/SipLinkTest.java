package org.kefu.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The request-handling policy over real UDP sockets, one link per test. */
class SipLinkTest {

    static final int PORT = 15080;
    final RecordingCallHandler handler = new RecordingCallHandler();
    final G711TestNegotiator media = new G711TestNegotiator(40010);
    ThreadPoolExecutor executor = TestLinks.boundedExecutor(4, 50);
    SipLink link;
    /** What the link reported refusing (issue 14: every refusal audited). */
    final List<RefusalAudit.Refusal> refusals = new CopyOnWriteArrayList<>();

    SipLink start(SipLinkConfig config) {
        link = new SipLink(config, handler, TestLinks.DEMO_CREDENTIALS, media, executor)
                .refusals(new RefusalAudit(Clock.systemUTC(), 20, Duration.ofMinutes(1), refusals::add));
        link.start();
        return link;
    }

    @AfterEach
    void stop() {
        if (link != null) link.stop();
        executor.shutdownNow();
    }

    @Test
    void startStopIsIdempotentAndReleasesPorts() throws Exception {
        start(TestLinks.config(PORT));
        link.start();
        assertThat(link.status().running()).isTrue();
        assertThat(link.status().endpoints()).containsExactlyInAnyOrder("udp:127.0.0.1:" + PORT, "tcp:127.0.0.1:" + PORT);
        link.stop();
        link.stop();
        assertThat(link.status().running()).isFalse();
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress("127.0.0.1", PORT));
             ServerSocket tcp = new ServerSocket()) {
            tcp.setReuseAddress(true);
            tcp.bind(new InetSocketAddress("127.0.0.1", PORT));
            assertThat(udp.isBound()).isTrue();
        }
        link.start(); // restartable after stop
        assertThat(link.status().running()).isTrue();
    }

    @Test
    void optionsAnsweredWithAllowAndAccept() throws Exception {
        start(TestLinks.config(PORT));
        try (RawSipClient c = new RawSipClient(PORT)) {
            c.send(TestLinks.options(PORT, "opt1", "opt-1@test", c.localPort()));
            String r = c.finalResponse(3000);
            assertThat(RawSipClient.status(r)).isEqualTo(200);
            assertThat(RawSipClient.header(r, "Allow")).contains("INVITE", "REGISTER", "REFER");
            assertThat(RawSipClient.header(r, "Accept")).isEqualTo("application/sdp");
            assertThat(RawSipClient.header(r, "To")).contains("tag=");
        }
    }

    @Test
    void trunkCallIsOfferedAnsweredAckedAndHungUpByCaller() throws Exception {
        start(TestLinks.config(PORT));
        try (RawSipClient c = new RawSipClient(PORT)) {
            RawCall call = new RawCall(c, PORT, "95500");
            String ok = call.invite();
            assertThat(RawSipClient.status(ok)).isEqualTo(200);
            assertThat(ok).contains("m=audio 40010 RTP/AVP 0 101");
            call.ack(ok);
            assertThat(handler.next()).isEqualTo("invite 13800138000->95500");
            assertThat(handler.next()).isEqualTo("established");
            InboundCall inbound = handler.calls.get(0);
            assertThat(inbound.fromTrunk()).isTrue();
            assertThat(inbound.callerName()).contains("Zhang San");
            assertThat(link.status().activeCalls()).isEqualTo(1);
            assertThat(RawSipClient.status(call.bye(ok))).isEqualTo(200);
            assertThat(handler.next()).isEqualTo("hangup");
            assertThat(inbound.ended().get(2, TimeUnit.SECONDS)).isEqualTo(CallEnd.REMOTE_HANGUP);
            assertThat(link.status().activeCalls()).isZero();
        }
    }

    @Test
    void cancelBeforeAnswerGives487And200() throws Exception {
        handler.behaviour = InboundCall::ringing;
        start(TestLinks.config(PORT));
        try (RawSipClient c = new RawSipClient(PORT)) {
            RawCall call = new RawCall(c, PORT, "12345");
            call.sendInvite("");
            assertThat(handler.next()).startsWith("invite");
            String ringing = null;
            for (int i = 0; i < 3 && ringing == null; i++) {
                String m = c.receive(2000);
                if (RawSipClient.status(m) == 180) ringing = m;
            }
            assertThat(ringing).isNotNull();
            call.cancel();
            List<String> got = c.drain(1500);
            assertThat(got.stream().map(RawSipClient::status)).contains(200, 487);
            assertThat(got.stream().filter(m -> RawSipClient.status(m) == 200).findFirst().orElseThrow()).contains("CSeq: 1 CANCEL");
            assertThat(handler.next()).isEqualTo("cancel 12345");
            assertThat(handler.calls.get(0).answer()).as("answer after cancel is refused").isFalse();
        }
    }

    @Test
    void aStrangerOutsideTheAclIsChallengedLikeAnExtensionThenRefused() throws Exception {
        start(TestLinks.config(PORT).withTrunkAcl(List.of("192.0.2.0/24")));
        try (RawSipClient c = new RawSipClient(PORT)) {
            // the first answer does not tell a scanner that 13800138000 is no extension here
            RawCall stranger = new RawCall(c, PORT, "95500");
            assertThat(RawSipClient.status(stranger.invite())).isEqualTo(407);
            String r = new RawCall(c, PORT, "95500").inviteAuthenticated("guess");
            assertThat(RawSipClient.status(r)).isEqualTo(403);
            assertThat(handler.calls).isEmpty();
        }
    }

    /** Password guessing over SIP (issue 14): after 10 failed digests from one address, it is not even checked. */
    @Test
    void aSourceGuessingPasswordsIsBlocked() throws Exception {
        start(TestLinks.config(PORT));
        try (RawSipClient c = new RawSipClient(PORT)) {
            String contact = "<sip:8005@127.0.0.1:" + c.localPort() + ">";
            String uri = "sip:127.0.0.1:" + PORT;
            int cseq = 1;
            for (int i = 0; i < 10; i++) {
                c.send(register(c, "8005", cseq++, contact, "Expires: 600\r\n", ""));
                String challenge = c.finalResponse(3000);
                assertThat(RawSipClient.status(challenge)).isEqualTo(401);
                String nonce = nonce(RawSipClient.header(challenge, "WWW-Authenticate"));
                c.send(register(c, "8005", cseq++, contact, "Expires: 600\r\n",
                        "Authorization: " + authorization("8005", "guess" + i, nonce, "REGISTER", uri) + "\r\n"));
                assertThat(RawSipClient.status(c.finalResponse(3000))).isEqualTo(403);
            }
            c.send(register(c, "8005", cseq++, contact, "Expires: 600\r\n", ""));
            String blocked = c.finalResponse(3000);
            assertThat(RawSipClient.status(blocked)).as("no challenge any more").isEqualTo(403);
            assertThat(link.registrations().contactFor("8005")).isEmpty();
            // Each failure, the block and the attempt refused unchecked are on record, with who and from where.
            assertThat(refusals).filteredOn(r -> r.action().equals("SIP_LOGIN_FAILED")).hasSize(10)
                    .allSatisfy(r -> {
                        assertThat(r.actor()).isEqualTo("8005");
                        assertThat(r.source()).isEqualTo("127.0.0.1");
                        assertThat(r.detail()).doesNotContain("guess"); // never the password tried
                    });
            assertThat(refusals).filteredOn(r -> r.action().equals("SIP_LOGIN_BLOCK")).singleElement()
                    .satisfies(r -> assertThat(r.detail()).contains("source 127.0.0.1 blocked"));
            assertThat(refusals).filteredOn(r -> r.action().equals("SIP_LOGIN_BLOCKED")).singleElement()
                    .satisfies(r -> assertThat(r.target()).isEqualTo("8005"));
        }
    }

    @Test
    void aDigestForAnotherRequestUriIsRefused() throws Exception {
        start(TestLinks.config(PORT));
        try (RawSipClient c = new RawSipClient(PORT)) {
            String contact = "<sip:8006@127.0.0.1:" + c.localPort() + ">";
            c.send(register(c, "8006", 1, contact, "Expires: 600\r\n", ""));
            String nonce = nonce(RawSipClient.header(c.finalResponse(3000), "WWW-Authenticate"));
            c.send(register(c, "8006", 2, contact, "Expires: 600\r\n", "Authorization: "
                    + authorization("8006", TestLinks.PASSWORD, nonce, "REGISTER", "sip:other.example.com") + "\r\n"));
            assertThat(RawSipClient.status(c.finalResponse(3000))).isEqualTo(403);
        }
    }

    @Test
    void extensionOutsideTheAclIsChallengedThenAccepted() throws Exception {
        start(TestLinks.config(PORT).withTrunkAcl(List.of("192.0.2.0/24")));
        try (RawSipClient c = new RawSipClient(PORT)) {
            String callId = "ext-" + System.nanoTime();
            String invite1 = extensionInvite(c, callId, 1, "b1" + System.nanoTime(), "");
            c.send(invite1);
            String challenge = c.finalResponse(3000);
            assertThat(RawSipClient.status(challenge)).isEqualTo(407);
            String nonce = nonce(RawSipClient.header(challenge, "Proxy-Authenticate"));
            c.send(ack(invite1, challenge));
            String uri = "sip:95500@127.0.0.1:" + PORT;
            String auth = authorization("8001", TestLinks.PASSWORD, nonce, "INVITE", uri);
            c.send(extensionInvite(c, callId, 2, "b2" + System.nanoTime(), "Proxy-Authorization: " + auth + "\r\n"));
            String ok = c.finalResponse(3000);
            assertThat(RawSipClient.status(ok)).isEqualTo(200);
            InboundCall call = handler.calls.get(0);
            assertThat(call.fromTrunk()).isFalse();
            assertThat(call.extension()).contains("8001");
        }
    }

    @Test
    void registerWithDigestThenUnregister() throws Exception {
        start(TestLinks.config(PORT));
        List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        link.registrations().addListener(new RegistrationListener() {
            @Override public void registered(Binding b) { events.add("up " + b.aor()); }
            @Override public void unregistered(Binding b, Reason r) { events.add("down " + b.aor() + " " + r); }
        });
        try (RawSipClient c = new RawSipClient(PORT)) {
            String contact = "<sip:8002@127.0.0.1:" + c.localPort() + ">";
            c.send(register(c, "8002", 1, contact, "Expires: 600\r\n", ""));
            String challenge = c.finalResponse(3000);
            assertThat(RawSipClient.status(challenge)).isEqualTo(401);
            String nonce = nonce(RawSipClient.header(challenge, "WWW-Authenticate"));
            String uri = "sip:127.0.0.1:" + PORT;
            c.send(register(c, "8002", 2, contact, "Expires: 600\r\n",
                    "Authorization: " + authorization("8002", TestLinks.PASSWORD, nonce, "REGISTER", uri, "00000001") + "\r\n"));
            String ok = c.finalResponse(3000);
            assertThat(RawSipClient.status(ok)).isEqualTo(200);
            assertThat(RawSipClient.header(ok, "Contact")).contains("expires=");
            assertThat(link.registrations().contactFor("8002")).get().extracting(Binding::contact)
                    .isEqualTo("sip:8002@127.0.0.1:" + c.localPort());
            assertThat(link.status().registeredContacts()).isEqualTo(1);
            // replayed nonce-count → 403
            c.send(register(c, "8002", 3, contact, "Expires: 600\r\n",
                    "Authorization: " + authorization("8002", TestLinks.PASSWORD, nonce, "REGISTER", uri, "00000001") + "\r\n"));
            assertThat(RawSipClient.status(c.finalResponse(3000))).isEqualTo(403);
            // wrong user in To → 403 (8002 cannot register 8003)
            c.send(register(c, "8003", 4, contact, "Expires: 600\r\n",
                    "Authorization: " + authorization("8002", TestLinks.PASSWORD, nonce, "REGISTER", uri, "00000002") + "\r\n"));
            assertThat(RawSipClient.status(c.finalResponse(3000))).isEqualTo(403);
            // "*" with Expires: 0 removes every binding
            c.send(register(c, "8002", 5, "*", "Expires: 0\r\n",
                    "Authorization: " + authorization("8002", TestLinks.PASSWORD, nonce, "REGISTER", uri, "00000003") + "\r\n"));
            assertThat(RawSipClient.status(c.finalResponse(3000))).isEqualTo(200);
            assertThat(link.registrations().contactFor("8002")).isEmpty();
            assertThat(events).containsExactly("up 8002", "down 8002 UNREGISTERED");
        }
    }

    /**
     * Toll fraud through a registration (issue 14): one phone login registers a Contact on a host it
     * merely names (here 127.0.0.2, a carrier's gateway in real life). Calls to that extension go to
     * the address the REGISTER came from; nothing reaches the named host.
     */
    @Test
    void aForeignContactIsNeverDialledTheCallGoesWhereTheRegisterCameFrom() throws Exception {
        start(TestLinks.config(PORT));
        try (RawSipClient c = new RawSipClient(PORT);
             DatagramSocket gateway = new DatagramSocket(new InetSocketAddress("127.0.0.2", 0))) {
            gateway.setSoTimeout(1500);
            String contact = "<sip:00441234567@127.0.0.2:" + gateway.getLocalPort() + ">";
            c.send(register(c, "8002", 1, contact, "Expires: 600\r\n", ""));
            String nonce = nonce(RawSipClient.header(c.finalResponse(3000), "WWW-Authenticate"));
            c.send(register(c, "8002", 2, contact, "Expires: 600\r\n", "Authorization: "
                    + authorization("8002", TestLinks.PASSWORD, nonce, "REGISTER", "sip:127.0.0.1:" + PORT, "00000001") + "\r\n"));
            assertThat(RawSipClient.status(c.finalResponse(3000))).isEqualTo(200);

            OutboundCall call = link.uac().callExtension("8002", "95500");
            String invite = c.receive(5000);
            assertThat(invite).as("the INVITE reaches the phone where it registered from").startsWith("INVITE sip:00441234567@127.0.0.1:" + c.localPort());
            java.net.DatagramPacket packet = new java.net.DatagramPacket(new byte[4096], 4096);
            boolean reachedGateway;
            try {
                gateway.receive(packet);
                reachedGateway = true;
            } catch (java.net.SocketTimeoutException nothing) {
                reachedGateway = false;
            }
            assertThat(reachedGateway).as("anything sent to the host the Contact named").isFalse();
            call.cancel();
        }
    }

    @Test
    void saturatedExecutorAnswers503WithRetryAfter() throws Exception {
        executor.shutdownNow();
        executor = TestLinks.boundedExecutor(1, 1);
        CountDownLatch release = new CountDownLatch(1);
        handler.behaviour = call -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            call.reject(486);
        };
        start(TestLinks.config(PORT));
        int got503 = 0;
        List<RawSipClient> clients = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                RawSipClient c = new RawSipClient(PORT);
                clients.add(c);
                new RawCall(c, PORT, "95500").sendInvite("");
            }
            for (RawSipClient c : clients) {
                String r = c.finalResponse(1000); // the two admitted calls stay unanswered until release
                if (RawSipClient.status(r) == 503) {
                    got503++;
                    assertThat(RawSipClient.header(r, "Retry-After")).isEqualTo("5");
                }
            }
            assertThat(got503).as("calls beyond 1 running + 1 queued are refused at once").isEqualTo(4);
        } finally {
            release.countDown();
            clients.forEach(RawSipClient::close);
        }
    }

    @Test
    void referInsideACallIsAcceptedAndSurfaced() throws Exception {
        start(TestLinks.config(PORT).withTrunkAcl(List.of("192.0.2.0/24"))); // 127.0.0.1 is no trunk: a desk phone calls
        try (RawSipClient c = new RawSipClient(PORT)) {
            RawCall call = new RawCall(c, PORT, "95500", "8002");
            String ok = call.inviteAuthenticated(TestLinks.PASSWORD);
            call.ack(ok);
            String r = call.request("REFER", ok, "Refer-To: <sip:8003@127.0.0.1>\r\nReferred-By: <sip:8001@127.0.0.1>\r\n");
            assertThat(RawSipClient.status(r)).isEqualTo(202);
            assertThat(handler.events.poll(3, TimeUnit.SECONDS)).startsWith("invite");
            // Both reach the handler through the application executor, which keeps no order between them.
            assertThat(List.of(handler.next(), handler.next()))
                    .containsExactlyInAnyOrder("established", "refer <sip:8003@127.0.0.1>");
            assertThat(RawSipClient.status(call.bye(ok))).isEqualTo(200);
        }
    }

    /**
     * Toll fraud by REFER (issue 14): a caller from the PSTN asks Kefu to transfer its call to an
     * international number. Refused 403; the application is never asked, so nothing is dialled.
     */
    @Test
    void aReferFromATrunkCallersLegIsRefusedAndNeverReachesTheApplication() throws Exception {
        start(TestLinks.config(PORT));
        try (RawSipClient c = new RawSipClient(PORT)) {
            RawCall call = new RawCall(c, PORT, "95500");
            String ok = call.invite();
            call.ack(ok);
            assertThat(handler.next()).startsWith("invite");
            assertThat(handler.next()).isEqualTo("established");
            String r = call.request("REFER", ok, "Refer-To: <sip:0044207946000@127.0.0.1>\r\n");
            assertThat(RawSipClient.status(r)).isEqualTo(403);
            assertThat(handler.events.poll(1, TimeUnit.SECONDS)).as("what the application was asked").isNull();
            assertThat(refusals).singleElement().satisfies(refusal -> {
                assertThat(refusal.action()).isEqualTo("REFER_REFUSED");
                assertThat(refusal.actor()).as("the caller").isEqualTo("13800138000");
                assertThat(refusal.target()).contains("0044207946000");
                assertThat(refusal.source()).isEqualTo("127.0.0.1");
            });
            assertThat(RawSipClient.status(call.bye(ok))).as("the caller's call goes on").isEqualTo(200);
        }
    }

    @Test
    void aReferrerIsToldTheOutcomeByNotify() throws Exception {
        start(TestLinks.config(PORT).withTrunkAcl(List.of("192.0.2.0/24"))); // 127.0.0.1 is no trunk: a desk phone calls
        try (RawSipClient c = new RawSipClient(PORT)) {
            RawCall call = new RawCall(c, PORT, "95500", "8002");
            String ok = call.inviteAuthenticated(TestLinks.PASSWORD);
            call.ack(ok);
            String r = call.request("REFER", ok, "Refer-To: <sip:8003@127.0.0.1>\r\n");
            assertThat(RawSipClient.status(r)).isEqualTo(202);
            List<String> notifies = notifies(c, 2);
            assertThat(notifies.get(0)).contains("SIP/2.0 100 Trying");
            assertThat(RawSipClient.header(notifies.get(0), "Subscription-State")).startsWith("active");
            assertThat(RawSipClient.header(notifies.get(0), "Event")).isEqualTo("refer;id=3"); // the REFER's CSeq (the authenticated INVITE was 2)
            assertThat(RawSipClient.header(notifies.get(0), "Content-Type")).startsWith("message/sipfrag");
            assertThat(notifies.get(1)).contains("SIP/2.0 200 OK");
            assertThat(RawSipClient.header(notifies.get(1), "Subscription-State")).startsWith("terminated");
            assertThat(RawSipClient.status(call.bye(ok))).isEqualTo(200);
        }
    }

    @Test
    void aRefusedTransferIsNotifiedAsAFailureAndTheCallGoesOn() throws Exception {
        handler.referOutcome = 404;
        start(TestLinks.config(PORT).withTrunkAcl(List.of("192.0.2.0/24"))); // 127.0.0.1 is no trunk: a desk phone calls
        try (RawSipClient c = new RawSipClient(PORT)) {
            RawCall call = new RawCall(c, PORT, "95500", "8002");
            String ok = call.inviteAuthenticated(TestLinks.PASSWORD);
            call.ack(ok);
            assertThat(RawSipClient.status(call.request("REFER", ok, "Refer-To: <sip:9999@127.0.0.1>\r\n"))).isEqualTo(202);
            List<String> notifies = notifies(c, 2);
            assertThat(notifies.get(1)).contains("SIP/2.0 404 Not Found");
            assertThat(RawSipClient.header(notifies.get(1), "Subscription-State")).startsWith("terminated");
            assertThat(RawSipClient.status(call.bye(ok))).as("the call is still up").isEqualTo(200);
        }
    }

    @Test
    void dtmfBySipInfoReachesTheMediaAndBadInfosAreRefused() throws Exception {
        start(TestLinks.config(PORT));
        try (RawSipClient c = new RawSipClient(PORT)) {
            RawCall call = new RawCall(c, PORT, "8001");
            String ok = call.invite();
            call.ack(ok);
            String sipCallId = RawSipClient.header(ok, "Call-ID");
            assertThat(RawSipClient.status(call.requestWithBody("INFO", ok, "application/dtmf-relay", "Signal=5\r\nDuration=160\r\n")))
                    .isEqualTo(200);
            assertThat(RawSipClient.status(call.requestWithBody("INFO", ok, "application/dtmf", "#"))).isEqualTo(200);
            assertThat(media.digits).containsExactly(sipCallId + ":5", sipCallId + ":#");
            assertThat(RawSipClient.status(call.requestWithBody("INFO", ok, "application/dtmf-relay", "Signal=Q\r\n")))
                    .as("no valid signal").isEqualTo(400);
            assertThat(RawSipClient.status(call.requestWithBody("INFO", ok, "application/x-whatever", "hello")))
                    .as("not DTMF").isEqualTo(415);
            assertThat(media.digits).as("refused INFOs deliver nothing").hasSize(2);
            assertThat(RawSipClient.status(call.bye(ok))).isEqualTo(200);
        }
    }

    /** Reads until {@code n} NOTIFY requests arrived, answering each with 200 as a phone does. */
    private static List<String> notifies(RawSipClient c, int n) throws Exception {
        List<String> got = new java.util.ArrayList<>();
        long deadline = System.currentTimeMillis() + 5000;
        while (got.size() < n && System.currentTimeMillis() < deadline) {
            String m = c.receive(1000);
            if (m != null && m.startsWith("NOTIFY ")) {
                got.add(m);
                c.send("SIP/2.0 200 OK\r\n"
                        + "Via: " + RawSipClient.header(m, "Via") + "\r\n"
                        + "From: " + RawSipClient.header(m, "From") + "\r\n"
                        + "To: " + RawSipClient.header(m, "To") + "\r\n"
                        + "Call-ID: " + RawSipClient.header(m, "Call-ID") + "\r\n"
                        + "CSeq: " + RawSipClient.header(m, "CSeq") + "\r\n"
                        + "Content-Length: 0\r\n\r\n");
            }
        }
        assertThat(got).as("NOTIFY requests").hasSize(n);
        return got;
    }

    // --- helpers: what a phone would write ---

    static String nonce(String challenge) {
        Matcher m = Pattern.compile("nonce=\"([^\"]+)\"").matcher(challenge);
        assertThat(m.find()).as(challenge).isTrue();
        return m.group(1);
    }

    static String authorization(String user, String password, String nonce, String method, String uri) {
        return authorization(user, password, nonce, method, uri, "00000001");
    }

    static String authorization(String user, String password, String nonce, String method, String uri, String nc) {
        var d = DigestAuthenticatorTest.phone(user, password, nonce, nc, method, uri);
        return "Digest username=\"" + user + "\", realm=\"kefu\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", response=\"" + d.response() + "\", algorithm=MD5, qop=auth, nc=" + nc + ", cnonce=\"c0ffee\"";
    }

    static String extensionInvite(RawSipClient c, String callId, int cseq, String branch, String extra) {
        String sdp = RawCall.SDP;
        return "INVITE sip:95500@127.0.0.1:" + PORT + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + c.localPort() + ";branch=z9hG4bK" + branch + ";rport\r\n"
                + "Max-Forwards: 70\r\nTo: <sip:95500@127.0.0.1>\r\n"
                + "From: <sip:8001@127.0.0.1>;tag=ext1\r\nCall-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " INVITE\r\nContact: <sip:8001@127.0.0.1:" + c.localPort() + ">\r\n" + extra
                + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp;
    }

    /** ACK for a non-2xx final response: same branch as the INVITE, To with the response's tag. */
    static String ack(String invite, String response) {
        String via = RawSipClient.header(invite, "Via");
        return "ACK sip:95500@127.0.0.1:" + PORT + " SIP/2.0\r\nVia: " + via + "\r\nMax-Forwards: 70\r\n"
                + "To: " + RawSipClient.header(response, "To") + "\r\nFrom: " + RawSipClient.header(invite, "From") + "\r\n"
                + "Call-ID: " + RawSipClient.header(invite, "Call-ID") + "\r\nCSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n";
    }

    static String register(RawSipClient c, String ext, int cseq, String contact, String expires, String auth) {
        return "REGISTER sip:127.0.0.1:" + PORT + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + c.localPort() + ";branch=z9hG4bKreg" + cseq + "x" + System.nanoTime() + ";rport\r\n"
                + "Max-Forwards: 70\r\nTo: <sip:" + ext + "@127.0.0.1>\r\n"
                + "From: <sip:" + ext + "@127.0.0.1>;tag=r" + ext + "\r\nCall-ID: reg-" + ext + "-" + c.localPort() + "\r\n"
                + "CSeq: " + cseq + " REGISTER\r\nContact: " + contact + "\r\n" + expires + auth
                + "Content-Length: 0\r\n\r\n";
    }
}
