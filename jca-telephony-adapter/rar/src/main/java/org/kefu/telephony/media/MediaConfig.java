package org.kefu.telephony.media;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/** Settings of a {@link MediaEngine}; fluent setters, sensible defaults for a LAN contact center. */
public final class MediaConfig {
    private InetAddress bindAddress;
    private int portMin = 20000;
    private int portMax = 29999;
    private int jitterDepthFrames = 3;
    private Path promptOverrideDir;
    private boolean realTimeClock = true;

    public MediaConfig() {
        try {
            bindAddress = InetAddress.getByName("0.0.0.0");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Local address the RTP ports bind to (default all interfaces). */
    public MediaConfig bindAddress(InetAddress address) {
        this.bindAddress = address;
        return this;
    }

    /** RTP port range, inclusive; each call uses an even RTP port and the next odd one for RTCP. */
    public MediaConfig portRange(int min, int max) {
        this.portMin = min;
        this.portMax = max;
        return this;
    }

    /** Jitter buffer depth in 20 ms frames (default 3 = 60 ms). */
    public MediaConfig jitterDepthFrames(int frames) {
        this.jitterDepthFrames = frames;
        return this;
    }

    /** Directory whose {@code zh-CN/}, {@code en/}, {@code music/} WAVs replace the built-in prompts. */
    public MediaConfig promptOverrideDir(Path dir) {
        this.promptOverrideDir = dir;
        return this;
    }

    /**
     * false: the clock does not run by itself and only moves through {@link MediaClock#tick()}
     * (deterministic tests); true (default): a 20 ms timer thread drives it.
     */
    public MediaConfig realTimeClock(boolean realTime) {
        this.realTimeClock = realTime;
        return this;
    }

    public InetAddress bindAddress() {
        return bindAddress;
    }

    public int portMin() {
        return portMin;
    }

    public int portMax() {
        return portMax;
    }

    public int jitterDepthFrames() {
        return jitterDepthFrames;
    }

    public Path promptOverrideDir() {
        return promptOverrideDir;
    }

    public boolean realTimeClock() {
        return realTimeClock;
    }
}
