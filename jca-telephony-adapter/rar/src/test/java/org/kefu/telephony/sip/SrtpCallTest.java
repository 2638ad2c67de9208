package org.kefu.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kefu.telephony.CallEvent;
import org.kefu.telephony.DeviceId;
import org.kefu.telephony.DigitCollection;
import org.kefu.telephony.Prompt;
import org.kefu.telephony.media.RtpStats;
import org.kefu.telephony.media.SdesCrypto;
import org.kefu.telephony.media.SrtpKey;
import org.kefu.telephony.media.SrtpStreams;
import org.kefu.telephony.switching.SipSwitch;
import org.kefu.telephony.switching.SwitchConfig;

/**
 * SRTP end to end on the real switch (issue 14 item 9), with {@code SrtpPolicy=required}: a desk
 * phone registers over TLS with its digest and calls with an SDES offer; Kefu answers RTP/SAVP with
 * a key of its own, the prompt it plays arrives as SRTP that decrypts with that key, and the
 * phone's SRTP key presses are collected, while plain and forged ones from the same host are not.
 * Without TLS, or without SRTP, an extension is refused and the refusal audited; a trunk (here the
 * address 127.0.0.2) still calls in clear over UDP, but never with a key sent in clear.
 */
class SrtpCallTest {

    static final int PORT = 15110;
    static final int TLS_PORT = 15112;
    static final String KEYSTORE_PASSWORD = "test-only-" + Long.toHexString(System.nanoTime());
    static final String PHONE_PASSWORD = "srtp-test-" + Long.toHexString(System.nanoTime());

    @TempDir
    Path dir;

    private final ExecutorService app = Executors.newFixedThreadPool(4);
    private final BlockingQueue<CallEvent> events = new LinkedBlockingQueue<>();
    private final List<String> audit = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Held here: JUL keeps loggers weakly, and a collected logger would lose the handler. */
    private final java.util.logging.Logger auditLog = java.util.logging.Logger.getLogger("org.kefu.audit.sip");
    private final Handler auditHandler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            audit.add(String.valueOf(r.getMessage()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Path keyStore;
    private SipSwitch sw;

    @BeforeEach
    void start() throws Exception {
        auditLog.addHandler(auditHandler);
        keyStore = dir.resolve("sip-tls.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "kefu-sip", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", KEYSTORE_PASSWORD, "-keypass", KEYSTORE_PASSWORD)
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();
        sw = new SipSwitch(new SwitchConfig("127.0.0.1", PORT, "127.0.0.1", List.of("127.0.0.2/32"), "kefu",
                42100, 42199, dir.resolve("recordings"), null, null), app, () -> null);
        sw.tls(new SipTls(TLS_PORT, keyStore, KEYSTORE_PASSWORD));
        sw.srtp(SrtpPolicy.REQUIRED);
        sw.start(event -> {
            events.add(event);
            if (event instanceof CallEvent.Delivered d) {
                app.execute(() -> {
                    try {
                        sw.answer(d.alerting());
                        sw.play(d.alerting(), new Prompt(List.of("callback-offer"), Locale.ENGLISH, false, false));
                        sw.collectDigits(d.alerting(), DigitCollection.of(3));
                    } catch (org.kefu.telephony.TelephonyException e) {
                        // refused at the answer (488): the call is gone, nothing to play to
                    }
                });
            }
        });
        sw.provisionDevice(new DeviceId("8006"), "kefu", Credential.md5Hex("8006:kefu:" + PHONE_PASSWORD));
    }

    @AfterEach
    void stop() {
        auditLog.removeHandler(auditHandler);
        if (sw != null) {
            sw.stop();
        }
        app.shutdownNow();
    }

    @Test
    void aTlsPhoneCallsWithSrtpHearsThePromptEncryptedAndItsEncryptedKeysAreCollected() throws Exception {
        try (SSLSocket tls = connect(); DatagramSocket rtp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            OutputStream out = tls.getOutputStream();
            InputStream in = tls.getInputStream();
            int local = tls.getLocalPort();
            assertThat(RawSipClient.status(registerOverTls(out, in, local))).isEqualTo(200);

            SrtpKey phoneKey = SrtpKey.random();
            String sdp = offer("RTP/SAVP", rtp.getLocalPort(), new SdesCrypto(7, phoneKey).toSdpLine());
            String callId = "srtp-call-" + local;
            String ok = inviteOverTls(out, in, local, callId, sdp);
            assertThat(RawSipClient.status(ok)).as(ok).isEqualTo(200);
            String answer = ok.substring(ok.indexOf("\r\n\r\n") + 4);
            assertThat(answer).contains("RTP/SAVP").contains("a=crypto:7 AES_CM_128_HMAC_SHA1_80 inline:")
                    .doesNotContain(phoneKey.toInline());
            SrtpKey kefuKey = SrtpKey.fromInline(group(answer, "inline:([A-Za-z0-9+/=]{40})"));
            int kefuRtpPort = Integer.parseInt(group(answer, "m=audio (\\d+) "));
            out.write(ack(local, callId, ok).getBytes(StandardCharsets.UTF_8));

            // The prompt arrives as SRTP: every packet authenticates with Kefu's key and decrypts to speech.
            SrtpStreams phone = new SrtpStreams(phoneKey, kefuKey);
            RtpStats heard = new RtpStats();
            rtp.setSoTimeout(3000);
            int decrypted = 0;
            int speech = 0;
            byte[] buf = new byte[2048];
            long until = System.currentTimeMillis() + 3000;
            while (System.currentTimeMillis() < until && speech < 25) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                rtp.receive(p);
                assertThat(p.getLength()).as("12-byte header, 160 bytes of PCMU, 10-byte tag").isEqualTo(182);
                int len = phone.unprotectRtp(buf, p.getLength(), heard);
                assertThat(len).as("every packet from Kefu authenticates with its SDES key").isEqualTo(172);
                decrypted++;
                if (!silent(buf, 12, len)) {
                    speech++;
                }
            }
            assertThat(speech).as("decrypted packets carrying the prompt's speech (of %d)", decrypted).isGreaterThanOrEqualTo(25);
            assertThat(heard.authFailures()).isZero();

            // Key presses: plain and forged ones from the phone's own host are not heard; SRTP ones are.
            InetSocketAddress kefu = new InetSocketAddress("127.0.0.1", kefuRtpPort);
            long ssrc = 0x5A5A1234L;
            int[] seq = {1000};
            long[] ts = {16000};
            sendDigit(rtp, kefu, null, '9', ssrc, seq, ts);
            sendDigit(rtp, kefu, new SrtpStreams(SrtpKey.random(), SrtpKey.random()), '8', ssrc, seq, ts);
            for (char d : "147".toCharArray()) {
                sendDigit(rtp, kefu, phone, d, ssrc, seq, ts);
            }
            CallEvent.DigitsReceived digits = next(CallEvent.DigitsReceived.class);
            assertThat(digits.digits()).isEqualTo("147");

            // Hold by re-INVITE with the same key: Kefu answers with the key it has used all along,
            // so both sides' SRTP state (rollover counters, replay windows) carries on.
            String hold = offer("RTP/SAVP", rtp.getLocalPort(), new SdesCrypto(7, phoneKey).toSdpLine())
                    .replace("a=sendrecv", "a=sendonly");
            String contact = RawSipClient.header(ok, "Contact");
            out.write(("INVITE " + contact.substring(contact.indexOf('<') + 1, contact.indexOf('>')) + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/TLS 127.0.0.1:" + local + ";branch=z9hG4bKsrtphold" + System.nanoTime() + ";rport\r\n"
                    + "Max-Forwards: 70\r\nTo: " + RawSipClient.header(ok, "To") + "\r\n"
                    + "From: <sip:8006@127.0.0.1>;tag=" + callId + "\r\nCall-ID: " + callId + "\r\n"
                    + "CSeq: 3 INVITE\r\nContact: <sip:8006@127.0.0.1:" + local + ";transport=tls>\r\n"
                    + "Content-Type: application/sdp\r\nContent-Length: " + hold.length() + "\r\n\r\n" + hold)
                    .getBytes(StandardCharsets.UTF_8));
            String held = finalResponse(in);
            assertThat(RawSipClient.status(held)).as(held).isEqualTo(200);
            assertThat(held).contains("RTP/SAVP").contains("a=recvonly")
                    .contains("a=crypto:7 AES_CM_128_HMAC_SHA1_80 inline:" + kefuKey.toInline());
        }
    }

    @Test
    void kefuRingsATlsPhoneWithAnSrtpOfferOfItsOwn() throws Exception {
        try (SSLSocket tls = connect()) {
            OutputStream out = tls.getOutputStream();
            InputStream in = tls.getInputStream();
            int local = tls.getLocalPort();
            assertThat(RawSipClient.status(registerOverTls(out, in, local))).isEqualTo(200);
            sw.makeCall(new DeviceId("8006"), new DeviceId("95500"), java.util.Map.of());
            String invite = read(in);
            while (!invite.startsWith("INVITE ")) {
                invite = read(in);
            }
            assertThat(invite).contains("m=audio ").contains(" RTP/SAVP ")
                    .containsPattern("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:[A-Za-z0-9+/=]{40}\r\n");
            out.write(("SIP/2.0 486 Busy Here\r\nVia: " + RawSipClient.header(invite, "Via") + "\r\n"
                    + "To: " + RawSipClient.header(invite, "To") + ";tag=busy\r\nFrom: " + RawSipClient.header(invite, "From")
                    + "\r\nCall-ID: " + RawSipClient.header(invite, "Call-ID") + "\r\nCSeq: "
                    + RawSipClient.header(invite, "CSeq") + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void withoutTlsOrWithoutSrtpAnExtensionIsRefusedAndAudited() throws Exception {
        try (RawSipClient udp = new RawSipClient(PORT)) {
            udp.send("REGISTER sip:127.0.0.1:" + PORT + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + udp.localPort() + ";branch=z9hG4bKsrtpreg" + System.nanoTime() + "\r\n"
                    + "Max-Forwards: 70\r\nTo: <sip:8006@127.0.0.1>\r\nFrom: <sip:8006@127.0.0.1>;tag=r1\r\n"
                    + "Call-ID: srtp-udp-reg\r\nCSeq: 1 REGISTER\r\nContact: <sip:8006@127.0.0.1:" + udp.localPort() + ">\r\n"
                    + "Expires: 600\r\nContent-Length: 0\r\n\r\n");
            String refused = udp.finalResponse(5000);
            assertThat(refused).startsWith("SIP/2.0 403 TLS Required");

            String invite = new RawCall(udp, PORT, "95500", "8006").inviteAuthenticated(PHONE_PASSWORD);
            assertThat(RawSipClient.status(invite)).as(invite).isEqualTo(488);
        }
        try (SSLSocket tls = connect()) {
            OutputStream out = tls.getOutputStream();
            InputStream in = tls.getInputStream();
            int local = tls.getLocalPort();
            String plain = inviteOverTls(out, in, local, "srtp-plain-" + local, offer("RTP/AVP", 40000, ""));
            assertThat(RawSipClient.status(plain)).as("an extension's plain RTP offer over TLS").isEqualTo(488);
        }
        assertThat(audit).anySatisfy(m -> assertThat(m).startsWith("SRTP_REFUSED actor=8006").contains("REGISTER over udp"));
        assertThat(audit).anySatisfy(m -> assertThat(m).startsWith("SRTP_REFUSED actor=8006").contains("INVITE call="));
        assertThat(audit).anySatisfy(m -> assertThat(m).startsWith("SRTP_REFUSED").contains("from extension 8006")
                .contains("over tls"));
        assertThat(String.join("\n", audit)).doesNotContain("inline:");
    }

    @Test
    void aTrunkStillCallsInClearButAKeySentInClearIsRefused() throws Exception {
        try (DatagramSocket trunk = new DatagramSocket(new InetSocketAddress("127.0.0.2", 0))) {
            trunk.setSoTimeout(5000);
            String plain = trunkInvite(trunk, "trunk-plain", offer("RTP/AVP", 40002, ""));
            assertThat(RawSipClient.status(plain)).as(plain).isEqualTo(200);
            assertThat(plain).contains("RTP/AVP").doesNotContain("crypto");

            String keyed = trunkInvite(trunk, "trunk-keyed",
                    offer("RTP/SAVP", 40004, new SdesCrypto(1, SrtpKey.random()).toSdpLine()));
            assertThat(RawSipClient.status(keyed)).as(keyed).isEqualTo(488);
        }
        assertThat(audit).anySatisfy(m -> assertThat(m).startsWith("SRTP_REFUSED").contains("from trunk").contains("over udp"));
    }

    // ------------------------------------------------------------------ helpers

    private static String offer(String profile, int port, String cryptoLine) {
        return "v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + port + " " + profile + " 0 101\r\na=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\n" + cryptoLine + "a=sendrecv\r\n";
    }

    /** RFC 4733: a 60 ms key press in 3 packets and 3 end packets, at one timestamp, protected when {@code srtp} is given. */
    private static void sendDigit(DatagramSocket socket, InetSocketAddress to, SrtpStreams srtp, char digit, long ssrc,
                                  int[] seq, long[] ts) throws Exception {
        int event = "0123456789*#".indexOf(digit);
        for (int i = 0; i < 6; i++) {
            boolean end = i >= 3;
            int duration = Math.min(i + 1, 3) * 160;
            byte[] b = new byte[1500];
            b[0] = (byte) 0x80;
            b[1] = (byte) ((i == 0 ? 0x80 : 0) | 101);
            b[2] = (byte) (seq[0] >> 8);
            b[3] = (byte) seq[0];
            putInt(b, 4, ts[0]);
            putInt(b, 8, ssrc);
            b[12] = (byte) event;
            b[13] = (byte) ((end ? 0x80 : 0) | 10);
            b[14] = (byte) (duration >> 8);
            b[15] = (byte) duration;
            int len = srtp == null ? 16 : srtp.protectRtp(b, 16);
            socket.send(new DatagramPacket(b, len, to));
            seq[0]++;
            Thread.sleep(20);
        }
        ts[0] += 800;
        Thread.sleep(100);
    }

    private static void putInt(byte[] b, int at, long v) {
        b[at] = (byte) (v >> 24);
        b[at + 1] = (byte) (v >> 16);
        b[at + 2] = (byte) (v >> 8);
        b[at + 3] = (byte) v;
    }

    private static boolean silent(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            int v = b[i] & 0xFF;
            if (v != 0xFF && v != 0x7F && v != 0xFE && v != 0x7E) {
                return false; // PCMU near zero is 0xFF/0x7F (±0) and their neighbours
            }
        }
        return true;
    }

    private <T extends CallEvent> T next(Class<T> type) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            CallEvent e = events.poll(500, TimeUnit.MILLISECONDS);
            if (type.isInstance(e)) {
                return type.cast(e);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " within 10 s; events: " + events);
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in " + text).isTrue();
        return m.group(1);
    }

    private String trunkInvite(DatagramSocket trunk, String callId, String sdp) throws IOException {
        int local = trunk.getLocalPort();
        String invite = "INVITE sip:95500@127.0.0.1:" + PORT + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.2:" + local + ";branch=z9hG4bK" + callId + System.nanoTime() + ";rport\r\n"
                + "Max-Forwards: 70\r\nTo: <sip:95500@127.0.0.1>\r\n"
                + "From: <sip:13800138000@127.0.0.2>;tag=" + callId + "\r\nCall-ID: " + callId + "\r\n"
                + "CSeq: 1 INVITE\r\nContact: <sip:13800138000@127.0.0.2:" + local + ">\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp;
        byte[] bytes = invite.getBytes(StandardCharsets.UTF_8);
        trunk.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress("127.0.0.1", PORT)));
        byte[] buf = new byte[65535];
        while (true) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                trunk.receive(p);
            } catch (SocketTimeoutException e) {
                return "no answer";
            }
            String m = new String(buf, 0, p.getLength(), StandardCharsets.UTF_8);
            if (m.startsWith("SIP/2.0 ") && RawSipClient.status(m) >= 200) {
                return m;
            }
        }
    }

    // TLS: a client that trusts exactly the server's certificate, as a provisioned phone would.

    private SSLSocket connect() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(keyStore)) {
            trust.load(in, KEYSTORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) ssl.getSocketFactory().createSocket("127.0.0.1", TLS_PORT);
        socket.setSoTimeout(5000);
        socket.startHandshake();
        return socket;
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            String h = head.toString(StandardCharsets.UTF_8);
            if (h.endsWith("\r\n\r\n")) {
                if (h.isBlank()) {
                    head.reset();
                    continue;
                }
                String length = RawSipClient.header(h, "Content-Length");
                int n = length == null ? 0 : Integer.parseInt(length.trim());
                return h + new String(in.readNBytes(n), StandardCharsets.UTF_8);
            }
        }
        throw new IOException("connection closed");
    }

    private static String finalResponse(InputStream in) throws IOException {
        while (true) {
            String m = read(in);
            if (m.startsWith("SIP/2.0 ") && RawSipClient.status(m) >= 200) {
                return m;
            }
        }
    }

    private static String registerRequest(int local, int cseq, String auth) {
        return "REGISTER sip:127.0.0.1:" + TLS_PORT + " SIP/2.0\r\n"
                + "Via: SIP/2.0/TLS 127.0.0.1:" + local + ";branch=z9hG4bKsrtp" + cseq + System.nanoTime() + ";rport\r\n"
                + "Max-Forwards: 70\r\nTo: <sip:8006@127.0.0.1>\r\nFrom: <sip:8006@127.0.0.1>;tag=s8006\r\n"
                + "Call-ID: srtp-reg-" + local + "\r\nCSeq: " + cseq + " REGISTER\r\n"
                + "Contact: <sip:8006@127.0.0.1:" + local + ";transport=tls>\r\nExpires: 600\r\n" + auth
                + "Content-Length: 0\r\n\r\n";
    }

    private static String registerOverTls(OutputStream out, InputStream in, int local) throws IOException {
        out.write(registerRequest(local, 1, "").getBytes(StandardCharsets.UTF_8));
        String challenge = finalResponse(in);
        assertThat(RawSipClient.status(challenge)).isEqualTo(401);
        String nonce = SipLinkTest.nonce(RawSipClient.header(challenge, "WWW-Authenticate"));
        String auth = "Authorization: " + SipLinkTest.authorization("8006", PHONE_PASSWORD, nonce, "REGISTER",
                "sip:127.0.0.1:" + TLS_PORT) + "\r\n";
        out.write(registerRequest(local, 2, auth).getBytes(StandardCharsets.UTF_8));
        return finalResponse(in);
    }

    private static String inviteRequest(int local, String callId, int cseq, String branch, String auth, String sdp) {
        return "INVITE sip:95500@127.0.0.1:" + TLS_PORT + ";transport=tls SIP/2.0\r\n"
                + "Via: SIP/2.0/TLS 127.0.0.1:" + local + ";branch=z9hG4bK" + branch + ";rport\r\n"
                + "Max-Forwards: 70\r\nTo: <sip:95500@127.0.0.1>\r\n"
                + "From: <sip:8006@127.0.0.1>;tag=" + callId + "\r\nCall-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " INVITE\r\nContact: <sip:8006@127.0.0.1:" + local + ";transport=tls>\r\n" + auth
                + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp;
    }

    /** INVITE, 407, ACK, INVITE with Proxy-Authorization; the final response to the second INVITE. */
    private static String inviteOverTls(OutputStream out, InputStream in, int local, String callId, String sdp) throws IOException {
        String branch1 = "srtpinv1" + System.nanoTime();
        String first = inviteRequest(local, callId, 1, branch1, "", sdp);
        out.write(first.getBytes(StandardCharsets.UTF_8));
        String challenge = finalResponse(in);
        if (RawSipClient.status(challenge) != 407) {
            return challenge;
        }
        out.write(("ACK sip:95500@127.0.0.1:" + TLS_PORT + ";transport=tls SIP/2.0\r\n"
                + "Via: SIP/2.0/TLS 127.0.0.1:" + local + ";branch=z9hG4bK" + branch1 + ";rport\r\n"
                + "Max-Forwards: 70\r\nTo: " + RawSipClient.header(challenge, "To") + "\r\n"
                + "From: <sip:8006@127.0.0.1>;tag=" + callId + "\r\nCall-ID: " + callId + "\r\n"
                + "CSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        String nonce = SipLinkTest.nonce(RawSipClient.header(challenge, "Proxy-Authenticate"));
        String auth = "Proxy-Authorization: " + SipLinkTest.authorization("8006", PHONE_PASSWORD, nonce, "INVITE",
                "sip:95500@127.0.0.1:" + TLS_PORT + ";transport=tls") + "\r\n";
        out.write(inviteRequest(local, callId, 2, "srtpinv2" + System.nanoTime(), auth, sdp).getBytes(StandardCharsets.UTF_8));
        return finalResponse(in);
    }

    private static String ack(int local, String callId, String ok) {
        String contact = RawSipClient.header(ok, "Contact");
        String target = contact.substring(contact.indexOf('<') + 1, contact.indexOf('>'));
        return "ACK " + target + " SIP/2.0\r\n"
                + "Via: SIP/2.0/TLS 127.0.0.1:" + local + ";branch=z9hG4bKsrtpack" + System.nanoTime() + ";rport\r\n"
                + "Max-Forwards: 70\r\nTo: " + RawSipClient.header(ok, "To") + "\r\n"
                + "From: <sip:8006@127.0.0.1>;tag=" + callId + "\r\nCall-ID: " + callId + "\r\n"
                + "CSeq: 2 ACK\r\nContent-Length: 0\r\n\r\n";
    }
}
