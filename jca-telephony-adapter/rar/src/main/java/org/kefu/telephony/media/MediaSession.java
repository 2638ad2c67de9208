package org.kefu.telephony.media;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Consumer;

/**
 * One media endpoint of a call leg, the facade the SIP layer uses. Contract:
 * <ul>
 * <li>Lifecycle: {@link MediaEngine#createSession()} binds an RTP/RTCP port pair; put
 * {@link #localAddress()}/{@link #localPort()} into SDP; call {@link #connect} with the peer's SDP
 * values (again on re-INVITE); {@link #close()} on BYE. Nothing is sent before connect.</li>
 * <li>Audio: every 20 ms the session sends one packet: DTMF being sent ({@link #sendDigits}) wins,
 * then the current prompt ({@link #play}), then bridge audio ({@link MediaBridge}), else silence
 * (keeps NAT bindings and peers' jitter buffers alive).</li>
 * <li>Digits: RFC 4733 digits (and SIP INFO digits passed to {@link #injectDigit}) go, in this
 * order, to the {@link DigitListener}, to barge-in (stopping a prompt played with bargeIn=true) and
 * to the running {@link #collectDigits} request. Digits are never logged.</li>
 * <li>Threads: every method may be called from any thread. Callbacks caused by the network or by
 * time (playback COMPLETED/BARGED_IN, digit results, the digit listener) run on the single media
 * clock thread: they must return quickly and hand real work (database, JMS) to the container's
 * WorkManager. Callbacks caused by an API call (STOPPED, CANCELLED) run on the calling thread.
 * Callbacks are called without holding the session's lock, so they may call back into the
 * session (e.g. play the next prompt or collect digits).</li>
 * <li>Errors: an unknown prompt fails {@link #play} immediately with {@link PromptNotFoundException}
 * (nothing is played); network errors are counted in {@link #stats()}, never thrown at the
 * caller.</li>
 * </ul>
 */
public final class MediaSession implements BridgeLeg, AutoCloseable {
    private static final int DIGIT_QUEUE = 32;

    private final MediaEngine engine;
    private final MediaClock clock;
    private final RtpSession rtp;
    private final ArrayBlockingQueue<Character> digits = new ArrayBlockingQueue<>(DIGIT_QUEUE);
    private final DtmfSender dtmfSender = new DtmfSender();
    private final AutoCloseable inputRegistration;
    private final AutoCloseable outputRegistration;
    private final List<Runnable> deferred = new ArrayList<>();

    // guarded by this
    private PromptPlayer player;
    private DigitCollector collector;
    private DigitListener digitListener;
    private CallRecorder recorder;
    private short[] received = Audio.silence();
    private short[] bridged;
    private boolean closed;
    private SrtpKey localKey;

    MediaSession(MediaEngine engine, PortAllocator.Lease ports, int jitterDepth) throws IOException {
        this.engine = engine;
        this.clock = engine.clock();
        this.rtp = new RtpSession(ports, jitterDepth, d -> {
            if (!digits.offer((char) d)) {
                rtp().stats().recordOverflow(); // more than 32 digits in 20 ms: a flood, drop
            }
        });
        rtp.register(engine.receiver());
        this.inputRegistration = clock.register(MediaClock.Phase.INPUT, this::inputTick);
        this.outputRegistration = clock.register(MediaClock.Phase.OUTPUT, this::outputTick);
    }

    RtpSession rtp() {
        return rtp;
    }

    // ------------------------------------------------------------------ public API

    public int localPort() {
        return rtp.localPort();
    }

    public InetSocketAddress localAddress() throws IOException {
        return rtp.localAddress();
    }

    /**
     * Starts media towards the peer.
     *
     * @param payloadType 0 (PCMU) or 8 (PCMA)
     * @param dtmfPayloadType negotiated telephone-event payload type (typically 101), or -1 if none
     * @throws IllegalArgumentException for an unsupported payload type or an unresolvable host
     */
    public void connect(String remoteHost, int remotePort, int payloadType, int dtmfPayloadType) {
        connect(remoteHost, remotePort, payloadType, dtmfPayloadType, true);
    }

    /** @param peerSends whether the peer's SDP has it send audio (sendrecv, sendonly): its silence then counts */
    public void connect(String remoteHost, int remotePort, int payloadType, int dtmfPayloadType, boolean peerSends) {
        connect(remoteHost, remotePort, payloadType, dtmfPayloadType, peerSends, null);
    }

    /**
     * As {@link #connect(String, int, int, int, boolean)}, with SRTP when the SDP negotiated it.
     *
     * @param srtp our key (normally {@link #localSrtpKey()}) and the peer's, or null for plain RTP
     */
    public void connect(String remoteHost, int remotePort, int payloadType, int dtmfPayloadType, boolean peerSends,
                        SrtpStreams srtp) {
        AudioCodec codec = AudioCodec.forPayloadType(payloadType);
        if (codec == null) {
            throw new IllegalArgumentException("unsupported audio payload type " + payloadType);
        }
        if (dtmfPayloadType >= 0 && (dtmfPayloadType < 96 || dtmfPayloadType > 127)) {
            throw new IllegalArgumentException("telephone-event payload type must be dynamic (96-127)");
        }
        rtp.connect(RtpSession.resolve(remoteHost, remotePort), codec, dtmfPayloadType, peerSends, srtp);
    }

    /** Plays prompts with barge-in enabled. See {@link #play(List, Locale, boolean, Consumer)}. */
    public void play(List<String> prompts, Locale locale, Consumer<PlaybackOutcome> onDone) {
        play(prompts, locale, true, onDone);
    }

    /**
     * Plays the prompts in order, replacing (STOPPED) any playback in progress. While it plays, the
     * timers of a running digit collection are held.
     *
     * @param onDone called once with the outcome; may be null
     * @throws PromptNotFoundException if any prompt is missing (nothing is played)
     */
    public void play(List<String> prompts, Locale locale, boolean bargeIn, Consumer<PlaybackOutcome> onDone) {
        List<short[]> clips = engine.prompts().getAll(prompts, locale);
        start(new PromptPlayer(clips, bargeIn, false, deferring(onDone)));
    }

    /** Loops {@code music/hold} until {@link #stopPlayback()} or another play. */
    public void playMusicOnHold() {
        List<short[]> clips = engine.prompts().getAll(List.of("music/hold"), Locale.ROOT);
        start(new PromptPlayer(clips, false, true, null));
    }

    /** Plays raw 8 kHz PCM (e.g. a recorded voice message); same rules as {@link #play}. */
    public void playSamples(short[] samples, boolean bargeIn, Consumer<PlaybackOutcome> onDone) {
        start(new PromptPlayer(List.of(samples), bargeIn, false, deferring(onDone)));
    }

    /**
     * This leg's SRTP sending key: drawn once, on first use, and kept for the leg's life, so a
     * re-INVITE (hold, retrieve) offers the same key and the peer's decryption state carries on.
     */
    public synchronized SrtpKey localSrtpKey() {
        if (localKey == null) {
            localKey = SrtpKey.random();
        }
        return localKey;
    }

    /** Whether the leg's media is SRTP now. */
    public boolean isSecure() {
        return rtp.isSecure();
    }

    /**
     * The SRTP streams to connect with for a peer key: the current ones when the peer kept its key
     * (a re-INVITE for hold: its packets' rollover and replay state must carry on), else new ones
     * with our key.
     */
    public SrtpStreams srtpFor(SrtpKey remoteKey) {
        SrtpStreams current = rtp.srtp();
        if (current != null && current.remoteKey().equals(remoteKey) && current.localKey().equals(localSrtpKey())) {
            return current;
        }
        return new SrtpStreams(localSrtpKey(), remoteKey);
    }

    /** See {@link RtpSession#silentMillis()}. */
    public long silentMillis() {
        return rtp.silentMillis();
    }

    public boolean isPlaying() {
        synchronized (this) {
            return player != null;
        }
    }

    public void stopPlayback() {
        synchronized (this) {
            stopPlayer(PlaybackOutcome.STOPPED);
        }
        runDeferred();
    }

    /**
     * Collects digits per {@code spec}; replaces (CANCELLED) a collection in progress. Digits already
     * pressed during a barge-in prompt count. The first-digit timer starts when no prompt is playing.
     */
    public void collectDigits(DigitSpec spec, Consumer<DigitResult> onResult) {
        synchronized (this) {
            if (collector != null) {
                collector.cancel();
            }
            DigitCollector c = new DigitCollector(spec, deferring(onResult), clock.nowMillis());
            c.holdTimers(player != null, clock.nowMillis());
            collector = c;
        }
        runDeferred();
    }

    public void cancelDigits() {
        synchronized (this) {
            if (collector != null) {
                collector.cancel();
                collector = null;
            }
        }
        runDeferred();
    }

    public void setDigitListener(DigitListener listener) {
        synchronized (this) {
            this.digitListener = listener;
        }
    }

    /** Feeds a digit received out of band (SIP INFO, see {@link DtmfRelay}) into the same path as RFC 4733. */
    public void injectDigit(char digit) {
        if (!TelephoneEvent.isDtmf(digit)) {
            throw new IllegalArgumentException("not a DTMF digit");
        }
        digits.offer(Character.toUpperCase(digit));
    }

    /**
     * Sends digits as RFC 4733 events (100 ms each, 60 ms apart).
     *
     * @throws IllegalStateException if the peer did not negotiate telephone-event
     */
    public void sendDigits(String digitsToSend) {
        if (!rtp.canSendDtmf()) {
            throw new IllegalStateException("peer has no telephone-event payload type");
        }
        dtmfSender.enqueue(digitsToSend);
    }

    /** True when the peer negotiated telephone-event, so {@link #sendDigits} can carry DTMF in the media. */
    public boolean canSendDtmf() {
        return rtp.canSendDtmf();
    }

    /** Records both directions of this leg, mixed, until {@link #stopRecording()} or close. */
    public void startRecording(Path file) throws IOException {
        CallRecorder r = new CallRecorder(file);
        synchronized (this) {
            if (recorder != null) {
                recorder.close();
            }
            recorder = r;
        }
    }

    public void stopRecording() {
        synchronized (this) {
            if (recorder != null) {
                recorder.close();
                recorder = null;
            }
        }
    }

    /** Stops playback, digit collection, digit sending and recording; the RTP stream continues. */
    public void stop() {
        synchronized (this) {
            stopPlayer(PlaybackOutcome.STOPPED);
            if (collector != null) {
                collector.cancel();
                collector = null;
            }
            dtmfSender.clear();
        }
        stopRecording();
        runDeferred();
    }

    public RtpStats stats() {
        return rtp.stats();
    }

    /** The peer address actually used (latched source after the first packet). */
    public InetSocketAddress peer() {
        return rtp.peer();
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        stop();
        try {
            inputRegistration.close();
            outputRegistration.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        rtp.close();
        engine.closed(this);
    }

    // ------------------------------------------------------------------ BridgeLeg

    @Override
    public synchronized short[] speech() {
        return received;
    }

    @Override
    public synchronized void hear(short[] frame) {
        bridged = frame;
    }

    // ------------------------------------------------------------------ clock ticks

    private void inputTick(long now) {
        synchronized (this) {
            if (closed) {
                return;
            }
            received = rtp.isConnected() ? rtp.receiveFrame() : Audio.silence();
            Character d;
            while ((d = digits.poll()) != null) {
                deliver(d, now);
            }
            if (collector != null) {
                collector.onTick(now);
                if (collector.isDone()) {
                    collector = null;
                }
            }
        }
        runDeferred();
    }

    private void deliver(char digit, long now) {
        if (digitListener != null) {
            DigitListener l = digitListener;
            deferred.add(() -> l.onDigit(digit));
        }
        if (player != null && player.isBargeIn()) {
            stopPlayer(PlaybackOutcome.BARGED_IN);
        }
        if (collector != null) {
            collector.onDigit(digit, now);
            if (collector.isDone()) {
                collector = null;
            }
        }
    }

    private void outputTick(long now) {
        synchronized (this) {
            if (closed || !rtp.isConnected()) {
                return;
            }
            short[] sent = null;
            DtmfSender.Step step = dtmfSender.next(rtp.currentTimestamp());
            if (step != null) {
                rtp.sendEvent(step);
            } else {
                if (player != null) {
                    sent = player.nextFrame();
                    if (sent == null) {
                        player = null;
                        if (collector != null) {
                            collector.holdTimers(false, now);
                        }
                    }
                }
                if (sent == null) {
                    sent = bridged != null ? bridged : Audio.silence();
                }
                rtp.sendAudio(sent);
            }
            bridged = null;
            if (recorder != null) {
                recorder.record(received, sent);
            }
            rtp.advance(now);
        }
        runDeferred();
    }

    // ------------------------------------------------------------------ helpers

    private void start(PromptPlayer p) {
        synchronized (this) {
            if (closed) {
                // The call ended while the application was deciding what to play (its events are
                // handled on other threads): nobody is left to hear it, and that is not an error.
                return;
            }
            stopPlayer(PlaybackOutcome.STOPPED);
            player = p;
            if (collector != null) {
                collector.holdTimers(true, clock.nowMillis());
            }
        }
        runDeferred();
    }

    private void stopPlayer(PlaybackOutcome outcome) {
        if (player != null) {
            player.stop(outcome);
            player = null;
            if (collector != null) {
                collector.holdTimers(false, clock.nowMillis());
            }
        }
    }

    /** Wraps a user callback so it runs after the session lock is released. */
    private <T> Consumer<T> deferring(Consumer<T> callback) {
        if (callback == null) {
            return null;
        }
        return value -> {
            synchronized (this) {
                deferred.add(() -> callback.accept(value));
            }
        };
    }

    private void runDeferred() {
        List<Runnable> todo;
        synchronized (this) {
            if (deferred.isEmpty()) {
                return;
            }
            todo = new ArrayList<>(deferred);
            deferred.clear();
        }
        for (Runnable r : todo) {
            r.run();
        }
    }

    @Override
    public String toString() {
        return "MediaSession[port=" + rtp.localPort() + ", peer=" + rtp.peer() + "]";
    }
}
