package org.kefu.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;

/**
 * A flood of UDP datagrams far faster than the stack parses them: the receive queue stays within
 * its bound (the excess is dropped and counted, not buffered until the heap runs out, which is what
 * JAIN-SIP's own queue did), and the link answers normally once the flood is over.
 */
class UdpFloodTest {

    @Test
    void aFloodIsDroppedAtTheBoundAndTheLinkAnswersAfterwards() throws Exception {
        ThreadPoolExecutor executor = TestLinks.boundedExecutor(2, 10);
        SipLink link = new SipLink(TestLinks.config(15093), new RecordingCallHandler(), TestLinks.DEMO_CREDENTIALS,
                new G711TestNegotiator(40090), executor);
        link.start();
        int maxQueued = 0;
        try (DatagramSocket flood = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            InetAddress kefu = InetAddress.getLoopbackAddress();
            for (int n = 0; n < 60_000; n++) {
                byte[] b = TestLinks.options(15093, "fd" + n, "flood-" + n + "@test", flood.getLocalPort())
                        .getBytes(StandardCharsets.US_ASCII);
                flood.send(new DatagramPacket(b, b.length, kefu, 15093));
                if (n % 1000 == 0) {
                    maxQueued = Math.max(maxQueued, link.udpDatagramsQueued());
                }
            }
            assertThat(maxQueued).isLessThanOrEqualTo(BoundedMessageProcessorFactory.UDP_QUEUE_CAPACITY);
            assertThat(link.udpDatagramsDropped()).as("datagrams dropped at the full queue").isPositive();
            assertThat(link.udpInvitesRefused()).as("OPTIONS are dropped without an answer").isZero();
            // The flood drains within a second or so; then an ordinary request is answered.
            for (int i = 0; i < 100 && link.udpDatagramsQueued() > 0; i++) {
                Thread.sleep(100);
            }
            assertThat(link.udpDatagramsQueued()).isZero();
            try (RawSipClient c = new RawSipClient(15093)) {
                c.send(TestLinks.options(15093, "after", "after-udp-flood@test", c.localPort()));
                assertThat(RawSipClient.status(c.finalResponse(5000))).isEqualTo(200);
            }
        } finally {
            link.stop();
            executor.shutdownNow();
        }
    }

    @Test
    void invitesThatFindTheQueueFullAreAnswered503AtOnce() throws Exception {
        ThreadPoolExecutor executor = TestLinks.boundedExecutor(2, 10);
        SipLink link = new SipLink(TestLinks.config(15094), new RecordingCallHandler(), TestLinks.DEMO_CREDENTIALS,
                new G711TestNegotiator(40094), executor);
        link.start();
        try (DatagramSocket flood = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            flood.setReceiveBufferSize(8 * 1024 * 1024);
            InetAddress kefu = InetAddress.getLoopbackAddress();
            int port = flood.getLocalPort();
            for (int n = 0; n < 30_000; n++) {
                byte[] b = ("INVITE sip:12345@127.0.0.1:15094 SIP/2.0\r\n"
                        + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bKinv" + n + "\r\n"
                        + "Max-Forwards: 70\r\n"
                        + "To: <sip:12345@127.0.0.1>\r\n"
                        + "From: <sip:13800138000@127.0.0.1>;tag=f" + n + "\r\n"
                        + "Call-ID: invite-flood-" + n + "@test\r\n"
                        + "CSeq: 1 INVITE\r\n"
                        + "Contact: <sip:13800138000@127.0.0.1:" + port + ">\r\n"
                        + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                flood.send(new DatagramPacket(b, b.length, kefu, 15094));
            }
            assertThat(link.udpInvitesRefused()).as("INVITEs answered 503 by the receive thread").isPositive();
            // Those 503s reach the sender, with Retry-After.
            flood.setSoTimeout(2000);
            byte[] buf = new byte[65535];
            boolean seen = false;
            for (int i = 0; i < 100_000 && !seen; i++) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    flood.receive(p);
                } catch (java.net.SocketTimeoutException e) {
                    break;
                }
                String r = new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII);
                seen = r.startsWith("SIP/2.0 503 ") && r.contains("Retry-After: 5\r\n") && r.contains(";tag=kefu503");
            }
            assertThat(seen).as("a 503 with Retry-After arrived").isTrue();
        } finally {
            link.stop();
            executor.shutdownNow();
        }
    }
}
