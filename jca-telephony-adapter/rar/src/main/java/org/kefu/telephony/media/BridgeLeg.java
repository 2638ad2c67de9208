package org.kefu.telephony.media;

/**
 * One party as seen by a {@link MediaBridge}: what it said during the current tick and where to put
 * what it should hear. {@link MediaSession} is the real implementation; tests use simple fakes.
 */
public interface BridgeLeg {
    /** This party's audio for the current tick (already de-jittered); never null. */
    short[] speech();

    /** What this party hears during the current tick; sent in the OUTPUT phase of the same tick. */
    void hear(short[] frame);
}
