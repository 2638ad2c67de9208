package org.kefu.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIP over TLS (issue 14): a phone registers and calls over a real TLS connection to the link's TLS port. */
class SipTlsTest {

    static final int PORT = 15094;
    static final int TLS_PORT = 15096;
    static final String PASSWORD = "test-only-" + Long.toHexString(System.nanoTime());

    @TempDir
    Path dir;

    final RecordingCallHandler handler = new RecordingCallHandler();
    final ThreadPoolExecutor executor = TestLinks.boundedExecutor(4, 50);
    SipLink link;
    Path keyStore;

    @BeforeEach
    void start() throws Exception {
        // A key made for this test run, as the server's provisioning makes one: none is in the repository.
        keyStore = dir.resolve("sip-tls.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "kefu-sip", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        link = new SipLink(TestLinks.config(PORT), handler, TestLinks.DEMO_CREDENTIALS, new G711TestNegotiator(40040), executor)
                .tls(new SipTls(TLS_PORT, keyStore, PASSWORD));
        link.start();
    }

    @AfterEach
    void stop() {
        link.stop();
        executor.shutdownNow();
    }

    /** A TLS client that trusts exactly the server's certificate (verified, not "trust all"). */
    private SSLSocket connect() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(keyStore)) {
            trust.load(in, PASSWORD.toCharArray());
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

    /** Reads one SIP message from the stream (headers, then Content-Length bytes of body). */
    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            String h = head.toString(StandardCharsets.UTF_8);
            if (h.endsWith("\r\n\r\n")) {
                if (h.isBlank()) {
                    head.reset(); // keep-alive CRLFs
                    continue;
                }
                String length = RawSipClient.header(h, "Content-Length");
                int n = length == null ? 0 : Integer.parseInt(length.trim());
                return h + new String(in.readNBytes(n), StandardCharsets.UTF_8);
            }
        }
        throw new IOException("connection closed");
    }

    /** Reads until a final response (skipping 100 Trying). */
    private static String finalResponse(InputStream in) throws IOException {
        while (true) {
            String m = read(in);
            if (m.startsWith("SIP/2.0 ") && RawSipClient.status(m) >= 200) {
                return m;
            }
        }
    }

    private static String register(int localPort, int cseq, String auth) {
        return "REGISTER sip:127.0.0.1:" + TLS_PORT + " SIP/2.0\r\n"
                + "Via: SIP/2.0/TLS 127.0.0.1:" + localPort + ";branch=z9hG4bKtls" + cseq + System.nanoTime() + ";rport\r\n"
                + "Max-Forwards: 70\r\nTo: <sip:8006@127.0.0.1>\r\nFrom: <sip:8006@127.0.0.1>;tag=t8006\r\n"
                + "Call-ID: tls-reg-" + localPort + "\r\nCSeq: " + cseq + " REGISTER\r\n"
                + "Contact: <sip:8006@127.0.0.1:" + localPort + ";transport=tls>\r\nExpires: 600\r\n" + auth
                + "Content-Length: 0\r\n\r\n";
    }

    @Test
    void aPhoneRegistersOverTlsAndIsRungOverTls() throws Exception {
        try (SSLSocket socket = connect()) {
            assertThat(socket.getSession().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            int local = socket.getLocalPort();
            out.write(register(local, 1, "").getBytes(StandardCharsets.UTF_8));
            String challenge = finalResponse(in);
            assertThat(RawSipClient.status(challenge)).isEqualTo(401);
            String nonce = SipLinkTest.nonce(RawSipClient.header(challenge, "WWW-Authenticate"));
            String auth = "Authorization: " + SipLinkTest.authorization("8006", TestLinks.PASSWORD, nonce, "REGISTER",
                    "sip:127.0.0.1:" + TLS_PORT) + "\r\n";
            out.write(register(local, 2, auth).getBytes(StandardCharsets.UTF_8));
            String ok = finalResponse(in);
            assertThat(RawSipClient.status(ok)).as(ok).isEqualTo(200);
            Binding binding = link.registrations().contactFor("8006").orElseThrow();
            assertThat(binding.transport()).isEqualTo("tls");
            assertThat(Uac.target(binding)).contains("transport=tls");
        }
    }

    @Test
    void aCallOverTlsIsAnsweredWithATlsContact() throws Exception {
        try (SSLSocket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            int local = socket.getLocalPort();
            String sdp = RawCall.SDP;
            String invite = "INVITE sip:95500@127.0.0.1:" + TLS_PORT + ";transport=tls SIP/2.0\r\n"
                    + "Via: SIP/2.0/TLS 127.0.0.1:" + local + ";branch=z9hG4bKtlsinv" + System.nanoTime() + ";rport\r\n"
                    + "Max-Forwards: 70\r\nTo: <sip:95500@127.0.0.1>\r\n"
                    + "From: <sip:13800138000@127.0.0.1>;tag=tlscaller\r\nCall-ID: tls-call-" + local + "\r\n"
                    + "CSeq: 1 INVITE\r\nContact: <sip:13800138000@127.0.0.1:" + local + ";transport=tls>\r\n"
                    + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp;
            out.write(invite.getBytes(StandardCharsets.UTF_8));
            String ok = finalResponse(in);
            assertThat(RawSipClient.status(ok)).as(ok).isEqualTo(200);
            assertThat(RawSipClient.header(ok, "Contact")).contains(":" + TLS_PORT).contains("transport=tls");
            assertThat(handler.awaitCall().transport()).isEqualTo("tls");
        }
    }
}
