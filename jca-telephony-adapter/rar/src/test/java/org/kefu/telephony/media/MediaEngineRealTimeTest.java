package org.kefu.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real 20 ms timer thread: one short prompt end to end, with wall-clock bounds. */
class MediaEngineRealTimeTest {

    @Test
    void promptPlaysInRealTimeOnTheSharedClock() throws Exception {
        try (MediaEngine engine = new MediaEngine(new MediaConfig().bindAddress(InetAddress.getLoopbackAddress())
                .portRange(45000, 45099))) {
            MediaSession a = engine.createSession();
            MediaSession b = engine.createSession();
            a.connect("127.0.0.1", b.localPort(), 8, 101);
            b.connect("127.0.0.1", a.localPort(), 8, 101);
            CompletableFuture<PlaybackOutcome> done = new CompletableFuture<>();
            long start = System.nanoTime();
            a.play(List.of("beep"), Locale.ENGLISH, done::complete); // 0.4 s
            assertThat(done.get(3, TimeUnit.SECONDS)).isEqualTo(PlaybackOutcome.COMPLETED);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(millis).as("paced at 20 ms per frame").isBetween(350L, 1500L);
            assertThat(b.stats().packetsReceived()).isGreaterThanOrEqualTo(15);
            assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("kefu-media")))
                    .as("two engine threads, whatever the number of sessions").hasSize(2);
        }
    }
}
