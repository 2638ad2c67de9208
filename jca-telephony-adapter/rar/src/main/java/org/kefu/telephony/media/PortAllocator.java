package org.kefu.telephony.media;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.util.BitSet;

/**
 * Hands out RTP/RTCP port pairs (even RTP port, RTCP on the next odd port, RFC 3550 section 11)
 * from a configured range, so firewalls can be opened for exactly that range. Ports in use by
 * other programs are skipped. Each search starts at a random pair (a predictable next port lets anyone
 * who saw one call's SDP aim packets at the next call before its peer's packets arrive), and a pair
 * released less than {@link #QUARANTINE_MILLIS} ago is taken only when nothing else is free (late
 * packets of the previous call would land in the new one).
 */
public final class PortAllocator {
    private final InetAddress bindAddress;
    private final int min;
    private final int max;
    static final long QUARANTINE_MILLIS = 2000;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final BitSet inUse = new BitSet();
    /** When each pair (by index) was last released, in System.nanoTime() milliseconds; 0 if never. */
    private final long[] releasedAt;

    /** A bound RTP + RTCP channel pair; {@link #close()} closes both and returns the ports. */
    public final class Lease implements AutoCloseable {
        private final int rtpPort;
        private final DatagramChannel rtp;
        private final DatagramChannel rtcp;
        private boolean closed;

        Lease(int rtpPort, DatagramChannel rtp, DatagramChannel rtcp) {
            this.rtpPort = rtpPort;
            this.rtp = rtp;
            this.rtcp = rtcp;
        }

        public int rtpPort() {
            return rtpPort;
        }

        public DatagramChannel rtp() {
            return rtp;
        }

        public DatagramChannel rtcp() {
            return rtcp;
        }

        @Override
        public void close() {
            synchronized (PortAllocator.this) {
                if (closed) {
                    return;
                }
                closed = true;
                inUse.clear(rtpPort);
                releasedAt[(rtpPort - min) / 2] = nowMillis();
            }
            closeQuietly(rtp);
            closeQuietly(rtcp);
        }
    }

    /**
     * @param min first port of the range (rounded up to even)
     * @param max last port of the range (inclusive)
     */
    public PortAllocator(InetAddress bindAddress, int min, int max) {
        int evenMin = (min + 1) & ~1;
        if (evenMin < 1024 || max > 65535 || evenMin + 1 > max) {
            throw new IllegalArgumentException("RTP port range must be within 1024..65535 and hold a pair: "
                    + min + ".." + max);
        }
        this.bindAddress = bindAddress;
        this.min = evenMin;
        this.max = max;
        this.releasedAt = new long[(max - evenMin + 1) / 2];
    }

    public synchronized Lease allocate() throws IOException {
        int pairs = releasedAt.length;
        int start = RANDOM.nextInt(pairs);
        long now = nowMillis();
        // First pass: free pairs out of quarantine; second: any free pair rather than no call.
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < pairs; i++) {
                int index = (start + i) % pairs;
                int port = min + 2 * index;
                if (inUse.get(port)) {
                    continue;
                }
                long released = releasedAt[index];
                if (pass == 0 && released != 0 && now - released < QUARANTINE_MILLIS) {
                    continue;
                }
                DatagramChannel rtp = tryBind(port);
                if (rtp == null) {
                    continue;
                }
                DatagramChannel rtcp = tryBind(port + 1);
                if (rtcp == null) {
                    closeQuietly(rtp);
                    continue;
                }
                inUse.set(port);
                return new Lease(port, rtp, rtcp);
            }
        }
        throw new IOException("no free RTP port pair in " + min + ".." + max + " on " + bindAddress.getHostAddress());
    }

    private static final long ORIGIN_NANOS = System.nanoTime();

    /** Milliseconds on a monotonic clock, never 0 (0 marks a pair never released). */
    private static long nowMillis() {
        return (System.nanoTime() - ORIGIN_NANOS) / 1_000_000L + 1;
    }

    public synchronized int inUseCount() {
        return inUse.cardinality();
    }

    private DatagramChannel tryBind(int port) {
        DatagramChannel ch = null;
        try {
            ch = DatagramChannel.open();
            ch.setOption(StandardSocketOptions.SO_RCVBUF, 64 * 1024);
            ch.bind(new InetSocketAddress(bindAddress, port));
            ch.configureBlocking(false);
            return ch;
        } catch (IOException e) {
            closeQuietly(ch);
            return null;
        }
    }

    private static void closeQuietly(DatagramChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing useful to do
            }
        }
    }
}
