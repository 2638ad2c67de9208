package org.kefu.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Released RTP port pairs are pooled: reused by the next call, silent in between, closed for real at the end. */
class PortAllocatorTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private RtpReceiver receiver;
    private int from;

    @BeforeEach
    void start() throws IOException {
        receiver = new RtpReceiver();
        from = 47000 + new Random().nextInt(100) * 20;
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void aReleasedPairIsReusedAndHearsOnlyItsNewCall() throws Exception {
        PortAllocator ports = new PortAllocator(LOOPBACK, from, from + 1, 1); // one pair only
        List<String> first = new CopyOnWriteArrayList<>();
        List<String> second = new CopyOnWriteArrayList<>();
        try (DatagramSocket peer = new DatagramSocket(0, LOOPBACK)) {
            PortAllocator.Lease a = ports.allocate();
            a.attach(receiver, (d, n, f) -> first.add(new String(d, 0, n)), (d, n, f) -> { });
            send(peer, a.rtpPort(), "call one");
            await(() -> first.size() == 1);
            DatagramChannel channel = a.rtp();
            a.close();
            assertThat(ports.idleCount()).isEqualTo(1);
            assertThat(ports.inUseCount()).isZero();
            send(peer, a.rtpPort(), "late packet of call one");
            Thread.sleep(100);

            // The only pair is in quarantine: taken anyway rather than refusing the call, same sockets.
            PortAllocator.Lease b = ports.allocate();
            assertThat(b.rtpPort()).isEqualTo(a.rtpPort());
            assertThat(b.rtp()).isSameAs(channel);
            assertThat(ports.inUseCount()).isEqualTo(1);
            b.attach(receiver, (d, n, f) -> second.add(new String(d, 0, n)), (d, n, f) -> { });
            send(peer, b.rtpPort(), "call two");
            await(() -> second.size() == 1);
            assertThat(first).containsExactly("call one");
            assertThat(second).containsExactly("call two");
            a.close(); // a stale handle of the first call must not free the second call's pair
            assertThat(ports.inUseCount()).isEqualTo(1);
            b.close();
        } finally {
            ports.close();
        }
    }

    @Test
    void closingTheAllocatorReallyFreesThePorts() throws Exception {
        PortAllocator ports = new PortAllocator(LOOPBACK, from, from + 1, 1);
        PortAllocator.Lease a = ports.allocate();
        a.attach(receiver, (d, n, f) -> { }, (d, n, f) -> { });
        int port = a.rtpPort();
        a.close();
        ports.close();
        await(() -> bindable(port) && bindable(port + 1));
        assertThatThrownBy(ports::allocate).isInstanceOf(IOException.class);
    }

    @Test
    void withoutRoomInThePoolAPairIsClosedAndItsPortsFreed() throws Exception {
        PortAllocator ports = new PortAllocator(LOOPBACK, from, from + 3, 0);
        PortAllocator.Lease a = ports.allocate();
        a.attach(receiver, (d, n, f) -> { }, (d, n, f) -> { });
        a.close();
        assertThat(ports.idleCount()).isZero();
        await(() -> bindable(a.rtpPort()));
        await(() -> {
            synchronized (ports) {
                return ports.inUseCount() == 0;
            }
        });
        ports.close();
    }

    private static boolean bindable(int port) {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(LOOPBACK, port))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void send(DatagramSocket from, int port, String text) throws IOException {
        byte[] b = text.getBytes();
        from.send(new DatagramPacket(b, b.length, LOOPBACK, port));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }
}
