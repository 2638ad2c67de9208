package org.kefu.telephony.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Connects any number of legs with a "who hears whom" matrix, so one mechanism covers every agent
 * scenario: a two-party call, a three-party conference, silent monitoring (supervisor hears both,
 * nobody hears the supervisor), whisper/coaching (only the agent hears the supervisor) and barge-in
 * (everyone hears everyone). On each tick (MIX phase) every listener gets the clipped sum of the
 * speakers it hears, never itself. Thread-safe; membership changes take effect on the next tick.
 */
public final class MediaBridge implements AutoCloseable {
    private final List<BridgeLeg> legs = new ArrayList<>();
    private final Map<BridgeLeg, Set<BridgeLeg>> hears = new HashMap<>(); // listener -> speakers
    private final AutoCloseable registration;
    private CallRecorder recorder;

    public MediaBridge(MediaClock clock) {
        this.registration = clock.register(MediaClock.Phase.MIX, now -> mix());
    }

    /** Adds a leg that hears and is heard by every current leg (conference semantics). */
    public synchronized void add(BridgeLeg leg) {
        add(leg, true, true);
    }

    /**
     * @param hearsOthers whether the new leg hears the existing legs
     * @param heardByOthers whether the existing legs hear the new leg
     */
    public synchronized void add(BridgeLeg leg, boolean hearsOthers, boolean heardByOthers) {
        if (hears.containsKey(leg)) {
            return;
        }
        Set<BridgeLeg> speakers = new HashSet<>();
        for (BridgeLeg other : legs) {
            if (hearsOthers) {
                speakers.add(other);
            }
            if (heardByOthers) {
                hears.get(other).add(leg);
            }
        }
        legs.add(leg);
        hears.put(leg, speakers);
    }

    public synchronized void remove(BridgeLeg leg) {
        if (hears.remove(leg) != null) {
            legs.remove(leg);
            for (Set<BridgeLeg> s : hears.values()) {
                s.remove(leg);
            }
            leg.hear(null); // back to silence, not the last mix
        }
    }

    public synchronized void setHears(BridgeLeg listener, BridgeLeg speaker, boolean hearsSpeaker) {
        Set<BridgeLeg> s = hears.get(listener);
        if (s == null || !hears.containsKey(speaker)) {
            throw new IllegalArgumentException("both legs must be in the bridge");
        }
        if (hearsSpeaker && listener != speaker) {
            s.add(speaker);
        } else {
            s.remove(speaker);
        }
    }

    public synchronized boolean hears(BridgeLeg listener, BridgeLeg speaker) {
        Set<BridgeLeg> s = hears.get(listener);
        return s != null && s.contains(speaker);
    }

    public synchronized List<BridgeLeg> legs() {
        return List.copyOf(legs);
    }

    /** Supervisor joins (or switches) to silent monitoring: hears everyone, heard by nobody. */
    public synchronized void monitor(BridgeLeg supervisor) {
        add(supervisor, true, false);
        for (BridgeLeg other : legs) {
            if (other != supervisor) {
                setHears(supervisor, other, true);
                setHears(other, supervisor, false);
            }
        }
    }

    /** Supervisor coaches the agent: hears everyone, only the agent hears the supervisor. */
    public synchronized void whisper(BridgeLeg supervisor, BridgeLeg agent) {
        monitor(supervisor);
        setHears(agent, supervisor, true);
    }

    /** Supervisor barges in: everyone hears everyone. */
    public synchronized void barge(BridgeLeg supervisor) {
        add(supervisor, true, true);
        for (BridgeLeg a : legs) {
            for (BridgeLeg b : legs) {
                if (a != b) {
                    setHears(a, b, true);
                }
            }
        }
    }

    /** Records everything said by every leg, mixed, to a WAV file. */
    public synchronized void startRecording(Path file) throws IOException {
        stopRecording();
        recorder = new CallRecorder(file);
    }

    public synchronized void stopRecording() {
        if (recorder != null) {
            recorder.close();
            recorder = null;
        }
    }

    private synchronized void mix() {
        int n = legs.size();
        short[][] speech = new short[n][];
        for (int i = 0; i < n; i++) {
            speech[i] = legs.get(i).speech();
        }
        for (int l = 0; l < n; l++) {
            Set<BridgeLeg> speakers = hears.get(legs.get(l));
            int[] sum = new int[Audio.FRAME_SAMPLES];
            for (int s = 0; s < n; s++) {
                if (s != l && speakers.contains(legs.get(s))) {
                    short[] f = speech[s];
                    for (int i = 0; i < sum.length && i < f.length; i++) {
                        sum[i] += f[i];
                    }
                }
            }
            short[] out = new short[Audio.FRAME_SAMPLES];
            for (int i = 0; i < out.length; i++) {
                out[i] = Audio.clip(sum[i]);
            }
            legs.get(l).hear(out);
        }
        if (recorder != null) {
            recorder.record(speech);
        }
    }

    @Override
    public synchronized void close() {
        stopRecording();
        try {
            registration.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (BridgeLeg leg : legs) {
            leg.hear(null);
        }
        legs.clear();
        hears.clear();
    }
}
