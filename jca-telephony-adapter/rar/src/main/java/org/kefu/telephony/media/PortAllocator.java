package org.kefu.telephony.media;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Hands out RTP/RTCP port pairs (even RTP port, RTCP on the next odd port, RFC 3550 section 11)
 * from a configured range, so firewalls can be opened for exactly that range. Ports in use by
 * other programs are skipped. Each search starts at a random pair (a predictable next port lets anyone
 * who saw one call's SDP aim packets at the next call before its peer's packets arrive), and a pair
 * released less than {@link #QUARANTINE_MILLIS} ago is taken only when nothing else is free (late
 * packets of the previous call would land in the new one).
 * <p>
 * A released pair stays bound and registered with the {@link RtpReceiver} (packets that reach it are
 * dropped) and is handed out again, at random among those out of quarantine: opening, binding,
 * registering and later closing two sockets per call, with a hand-over to the receive thread to close
 * them, was a large part of answering a call under load. At most {@code maxIdle} pairs are kept, and
 * pairs idle longer than {@link #IDLE_CLOSE_MILLIS} are closed.
 */
public final class PortAllocator implements AutoCloseable {
    private final InetAddress bindAddress;
    private final int min;
    private final int max;
    private final int maxIdle;
    static final long QUARANTINE_MILLIS = 2000;
    static final long IDLE_CLOSE_MILLIS = 120_000;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** Ports bound by this allocator: leased, idle, or closing. */
    private final BitSet inUse = new BitSet();
    /** When each pair (by index) was last released, in System.nanoTime() milliseconds; 0 if never. */
    private final long[] releasedAt;
    /** Released pairs still bound, oldest release first. */
    private final List<Pair> idle = new ArrayList<>();
    private boolean closed;

    /**
     * One call's use of a port pair; {@link #close()} hands the pair back. A new lease for every
     * allocation, so a second close by a call that ended long ago cannot release the pair from
     * under the call that holds it now.
     */
    public final class Lease implements AutoCloseable {
        private final Pair pair;
        private boolean closed;

        Lease(Pair pair) {
            this.pair = pair;
        }

        public int rtpPort() {
            return pair.rtpPort;
        }

        public DatagramChannel rtp() {
            return pair.rtp;
        }

        public DatagramChannel rtcp() {
            return pair.rtcp;
        }

        /** Routes what arrives on the pair to these handlers, until {@link #close()}. */
        public void attach(RtpReceiver to, RtpReceiver.DatagramHandler onRtp, RtpReceiver.DatagramHandler onRtcp)
                throws IOException {
            synchronized (PortAllocator.this) {
                if (closed) {
                    throw new IllegalStateException("port pair " + pair.rtpPort + " already released");
                }
                pair.attach(to, onRtp, onRtcp);
            }
        }

        /** Hands the pair back: pooled while there is room, closed otherwise. Idempotent. */
        @Override
        public void close() {
            synchronized (PortAllocator.this) {
                if (closed) {
                    return;
                }
                closed = true;
                pair.rtpHandler = null; // from now on, late packets are dropped
                pair.rtcpHandler = null;
                long now = nowMillis();
                releasedAt[index(pair.rtpPort)] = now;
                pair.idleSince = now;
                if (!PortAllocator.this.closed && pair.receiver != null && idle.size() < maxIdle) {
                    idle.add(pair);
                    return;
                }
            }
            pair.shut();
        }
    }

    /** A bound RTP + RTCP channel pair, registered with the receiver at most once. */
    private final class Pair {
        private final int rtpPort;
        private final DatagramChannel rtp;
        private final DatagramChannel rtcp;
        private RtpReceiver receiver;
        private volatile RtpReceiver.DatagramHandler rtpHandler;
        private volatile RtpReceiver.DatagramHandler rtcpHandler;
        private long idleSince;

        Pair(int rtpPort, DatagramChannel rtp, DatagramChannel rtcp) {
            this.rtpPort = rtpPort;
            this.rtp = rtp;
            this.rtcp = rtcp;
        }

        /** Caller holds the allocator's lock. */
        void attach(RtpReceiver to, RtpReceiver.DatagramHandler onRtp, RtpReceiver.DatagramHandler onRtcp)
                throws IOException {
            rtpHandler = onRtp;
            rtcpHandler = onRtcp;
            if (receiver == null) {
                receiver = to;
                to.register(rtp, (d, n, from) -> deliver(rtpHandler, d, n, from));
                to.register(rtcp, (d, n, from) -> deliver(rtcpHandler, d, n, from));
            } else if (receiver != to) {
                throw new IllegalStateException("port pair " + rtpPort + " is served by another receiver");
            }
        }

        private void deliver(RtpReceiver.DatagramHandler h, byte[] data, int length, InetSocketAddress from) {
            if (h != null) {
                h.onDatagram(data, length, from);
            }
        }

        /** Closes both sockets, then frees the port numbers (after the receiver let go of them). */
        void shut() {
            Runnable free = () -> {
                synchronized (PortAllocator.this) {
                    inUse.clear(rtpPort);
                }
            };
            if (receiver != null) {
                receiver.closeLater(free, rtp, rtcp);
            } else {
                closeQuietly(rtp);
                closeQuietly(rtcp);
                free.run();
            }
        }
    }

    /** A range whose pairs are closed on release (no pool). */
    public PortAllocator(InetAddress bindAddress, int min, int max) {
        this(bindAddress, min, max, 0);
    }

    /**
     * @param min first port of the range (rounded up to even)
     * @param max last port of the range (inclusive)
     * @param maxIdle how many released pairs to keep bound for reuse
     */
    public PortAllocator(InetAddress bindAddress, int min, int max, int maxIdle) {
        int evenMin = (min + 1) & ~1;
        if (evenMin < 1024 || max > 65535 || evenMin + 1 > max) {
            throw new IllegalArgumentException("RTP port range must be within 1024..65535 and hold a pair: "
                    + min + ".." + max);
        }
        if (maxIdle < 0) {
            throw new IllegalArgumentException("maxIdle must not be negative: " + maxIdle);
        }
        this.bindAddress = bindAddress;
        this.min = evenMin;
        this.max = max;
        this.maxIdle = maxIdle;
        this.releasedAt = new long[(max - evenMin + 1) / 2];
    }

    public Lease allocate() throws IOException {
        List<Pair> expired = new ArrayList<>();
        try {
            synchronized (this) {
                if (closed) {
                    throw new IOException("RTP ports closed");
                }
                long now = nowMillis();
                dropExpired(now, expired);
                Lease reused = takeIdle(now - QUARANTINE_MILLIS);
                if (reused != null) {
                    return reused;
                }
                Lease fresh = bindFree(now, true);
                if (fresh != null) {
                    return fresh;
                }
                // Everything free is in quarantine: any pair rather than no call, oldest release first.
                reused = takeIdle(Long.MAX_VALUE);
                if (reused != null) {
                    return reused;
                }
                fresh = bindFree(now, false);
                if (fresh != null) {
                    return fresh;
                }
            }
        } finally {
            expired.forEach(Pair::shut);
        }
        throw new IOException("no free RTP port pair in " + min + ".." + max + " on " + bindAddress.getHostAddress());
    }

    /** A random idle pair released at or before {@code releasedBy}, or null. Caller holds the lock. */
    private Lease takeIdle(long releasedBy) {
        // idle is in release order: the eligible ones are a prefix.
        int eligible = 0;
        while (eligible < idle.size() && idle.get(eligible).idleSince <= releasedBy) {
            eligible++;
        }
        if (eligible == 0) {
            return null;
        }
        return new Lease(idle.remove(releasedBy == Long.MAX_VALUE ? 0 : RANDOM.nextInt(eligible)));
    }

    private void dropExpired(long now, List<Pair> into) {
        while (!idle.isEmpty() && now - idle.get(0).idleSince > IDLE_CLOSE_MILLIS) {
            into.add(idle.remove(0));
        }
    }

    /** Binds a pair nobody holds, starting at a random one; with {@code fresh}, none released lately. */
    private Lease bindFree(long now, boolean fresh) {
        int pairs = releasedAt.length;
        int start = RANDOM.nextInt(pairs);
        for (int i = 0; i < pairs; i++) {
            int index = (start + i) % pairs;
            int port = min + 2 * index;
            if (inUse.get(port)) {
                continue;
            }
            long released = releasedAt[index];
            if (fresh && released != 0 && now - released < QUARANTINE_MILLIS) {
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
            return new Lease(new Pair(port, rtp, rtcp));
        }
        return null;
    }

    private int index(int rtpPort) {
        return (rtpPort - min) / 2;
    }

    private static final long ORIGIN_NANOS = System.nanoTime();

    /** Milliseconds on a monotonic clock, never 0 (0 marks a pair never released). */
    private static long nowMillis() {
        return (System.nanoTime() - ORIGIN_NANOS) / 1_000_000L + 1;
    }

    /** Pairs leased to calls now. */
    public synchronized int inUseCount() {
        return inUse.cardinality() - idle.size();
    }

    /** Released pairs kept bound for reuse. */
    public synchronized int idleCount() {
        return idle.size();
    }

    /** Closes the pooled pairs; leases still out close when their calls end. */
    @Override
    public void close() {
        List<Pair> pooled;
        synchronized (this) {
            closed = true;
            pooled = new ArrayList<>(idle);
            idle.clear();
        }
        pooled.forEach(Pair::shut);
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
