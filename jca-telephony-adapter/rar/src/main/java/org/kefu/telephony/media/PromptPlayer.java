package org.kefu.telephony.media;

import java.util.List;
import java.util.function.Consumer;

/**
 * Plays a sequence of decoded prompts as 20 ms frames, one frame per {@link #nextFrame()} (the
 * session calls it once per tick). The completion callback is called exactly once, with
 * COMPLETED after the last frame or with the reason given to {@link #stop}. Looping is used for
 * music on hold. Not thread-safe: driven by the media clock thread.
 */
public final class PromptPlayer {
    private final List<short[]> clips;
    private final boolean bargeIn;
    private final boolean loop;
    private final Consumer<PlaybackOutcome> onDone;
    private int clip;
    private int position;
    private boolean finished;
    private final short[] frame = new short[Audio.FRAME_SAMPLES];

    public PromptPlayer(List<short[]> clips, boolean bargeIn, boolean loop, Consumer<PlaybackOutcome> onDone) {
        this.clips = List.copyOf(clips);
        this.bargeIn = bargeIn;
        this.loop = loop && clips.stream().anyMatch(c -> c.length > 0);
        this.onDone = onDone;
    }

    /**
     * @return the next frame, or null when playback is over (the callback has then been called).
     *         The array is the player's own and is overwritten by the next call: use it (send,
     *         record) before asking for the next one. A playing call asks 50 times a second, so a
     *         fresh array each time was garbage the collector paid for in pauses.
     */
    public short[] nextFrame() {
        if (finished) {
            return null;
        }
        int filled = 0;
        while (filled < frame.length) {
            if (clip >= clips.size()) {
                if (!loop) {
                    break;
                }
                clip = 0;
            }
            short[] c = clips.get(clip);
            int n = Math.min(frame.length - filled, c.length - position);
            System.arraycopy(c, position, frame, filled, n);
            filled += n;
            position += n;
            if (position >= c.length) {
                clip++;
                position = 0;
            }
        }
        if (filled == 0) {
            finish(PlaybackOutcome.COMPLETED);
            return null;
        }
        java.util.Arrays.fill(frame, filled, frame.length, (short) 0); // a partial last frame is padded with silence
        return frame;
    }

    public boolean isBargeIn() {
        return bargeIn;
    }

    public boolean isFinished() {
        return finished;
    }

    public void stop(PlaybackOutcome outcome) {
        if (!finished) {
            finish(outcome);
        }
    }

    private void finish(PlaybackOutcome outcome) {
        finished = true;
        if (onDone != null) {
            onDone.accept(outcome);
        }
    }
}
