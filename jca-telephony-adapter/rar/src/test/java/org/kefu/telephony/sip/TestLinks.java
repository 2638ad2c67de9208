package org.kefu.telephony.sip;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Building blocks for link tests: a bounded executor and the demo credentials. */
final class TestLinks {

    static final String PASSWORD = "kefu-demo";

    /** Demo extensions 8001–8006 with one password, as DEMO-CENTER.md allows. */
    static final CredentialSource DEMO_CREDENTIALS = ext ->
            ext != null && ext.matches("800[1-6]") ? Optional.of(Credential.ofPassword(ext, PASSWORD)) : Optional.empty();

    private TestLinks() {
    }

    /** The JCA WorkManager stand-in: bounded queue, rejects when full. */
    static ThreadPoolExecutor boundedExecutor(int threads, int queue) {
        ThreadPoolExecutor e = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                r -> {
                    Thread t = new Thread(r, "test-app-worker");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        e.allowCoreThreadTimeOut(true);
        return e;
    }

    static SipLinkConfig config(int port) {
        return SipLinkConfig.defaults().withHost("127.0.0.1").withPort(port);
    }

    static String options(int port, String branch, String callId, int localPort) {
        return "OPTIONS sip:kefu@127.0.0.1:" + port + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + localPort + ";branch=z9hG4bK" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "To: <sip:kefu@127.0.0.1>\r\n"
                + "From: <sip:probe@127.0.0.1>;tag=" + branch + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    static Map<String, String> unused() {
        return Map.of();
    }

    static List<String> loopbackOnly() {
        return List.of("127.0.0.0/8");
    }
}
