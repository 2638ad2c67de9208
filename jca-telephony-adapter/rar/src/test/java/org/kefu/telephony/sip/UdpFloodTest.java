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
}
