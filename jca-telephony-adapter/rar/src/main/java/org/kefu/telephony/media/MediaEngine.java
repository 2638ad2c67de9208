package org.kefu.telephony.media;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The media side of the switch: one per resource adapter. It owns the shared 20 ms
 * {@link MediaClock}, the single receive thread ({@link RtpReceiver}), the RTP port range and the
 * {@link PromptLibrary}, and creates {@link MediaSession}s (one per call leg) and
 * {@link MediaBridge}s. Two threads in total, whatever the number of calls.
 */
public final class MediaEngine implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MediaEngine.class);

    private final MediaConfig config;
    private final MediaClock clock = new MediaClock();
    private final RtpReceiver receiver;
    private final PortAllocator ports;
    private final PromptLibrary prompts;
    private final Set<MediaSession> sessions = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public MediaEngine(MediaConfig config) throws IOException {
        this.config = config;
        // Every pair of the range may be pooled: with a 2 s quarantine a busy switch needs about
        // (calls per second x 2) released pairs waiting besides the pairs in calls.
        // Pooled pairs hold two descriptors each: at most an eighth of the process's limit, so SIP
        // connections, database pools and files never starve for them.
        int pairs = (config.portMax() - config.portMin() + 1) / 2;
        this.ports = new PortAllocator(config.bindAddress(), config.portMin(), config.portMax(),
                (int) Math.min(pairs, maxFileDescriptors() / 16));
        this.prompts = PromptLibrary.standard(config.promptOverrideDir());
        this.receiver = new RtpReceiver();
        if (config.realTimeClock()) {
            clock.start();
        }
        LOG.infof("media engine started: RTP ports %d-%d on %s", config.portMin(), config.portMax(),
                config.bindAddress().getHostAddress());
    }

    /**
     * The process's descriptor limit, through JMX: WildFly does not let deployments see the
     * {@code com.sun.management} classes, so the attribute is read by name (4,096 if unknown).
     */
    private static long maxFileDescriptors() {
        try {
            Object max = java.lang.management.ManagementFactory.getPlatformMBeanServer().getAttribute(
                    new javax.management.ObjectName("java.lang:type=OperatingSystem"), "MaxFileDescriptorCount");
            if (max instanceof Number n && n.longValue() > 0) {
                return n.longValue();
            }
        } catch (javax.management.JMException | RuntimeException e) {
            LOG.debug("descriptor limit unknown", e);
        }
        return 4096;
    }

    /** A new call leg with its own RTP/RTCP ports, not yet connected to a peer. */
    public MediaSession createSession() throws IOException {
        if (closed) {
            throw new IllegalStateException("media engine closed");
        }
        PortAllocator.Lease lease = ports.allocate();
        MediaSession session;
        try {
            session = new MediaSession(this, lease, config.jitterDepthFrames());
        } catch (IOException | RuntimeException e) {
            lease.close();
            throw e;
        }
        sessions.add(session);
        return session;
    }

    public MediaBridge createBridge() {
        return new MediaBridge(clock);
    }

    public PromptLibrary prompts() {
        return prompts;
    }

    public MediaClock clock() {
        return clock;
    }

    RtpReceiver receiver() {
        return receiver;
    }

    void closed(MediaSession session) {
        sessions.remove(session);
    }

    /** Released RTP port pairs kept bound for the next calls. */
    public int idlePortPairs() {
        return ports.idleCount();
    }

    public int sessionCount() {
        return sessions.size();
    }

    @Override
    public void close() {
        closed = true;
        for (MediaSession s : sessions) {
            s.close();
        }
        clock.close();
        ports.close();
        receiver.close();
    }
}
