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
 * other programs are skipped; the search rotates through the range so a just-released port is not
 * reused immediately (late packets of the previous call would land in the new one).
 */
public final class PortAllocator {
    private final InetAddress bindAddress;
    private final int min;
    private final int max;
    private final BitSet inUse = new BitSet();
    private int cursor;

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
        this.cursor = evenMin;
    }

    public synchronized Lease allocate() throws IOException {
        int pairs = (max - min + 1) / 2;
        for (int i = 0; i < pairs; i++) {
            int port = cursor;
            cursor += 2;
            if (cursor + 1 > max) {
                cursor = min;
            }
            if (inUse.get(port)) {
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
        throw new IOException("no free RTP port pair in " + min + ".." + max + " on " + bindAddress.getHostAddress());
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
