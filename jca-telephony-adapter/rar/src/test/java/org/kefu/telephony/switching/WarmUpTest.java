package org.kefu.telephony.switching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kefu.telephony.CallEvent;
import org.kefu.telephony.SwitchConnectionFactory;
import org.kefu.telephony.sip.WarmUpProbe;

/**
 * The switch warms itself up with calls to itself over real loopback sockets, through the same path
 * as outside calls (the application is asked and answers), while outside callers are refused 503
 * until it is over and taken again afterwards.
 */
class WarmUpTest {

    private static final int PORT = 15095;
    private final ExecutorService app = Executors.newFixedThreadPool(4);
    private final AtomicInteger deliveredFromWarmUp = new AtomicInteger();
    private SipSwitch sw;

    @AfterEach
    void stop() {
        if (sw != null) {
            sw.stop();
        }
        app.shutdownNow();
    }

    @Test
    void warmUpCallsGoThroughTheApplicationAndOutsideCallsWaitForIt() throws Exception {
        sw = new SipSwitch(new SwitchConfig("127.0.0.1", PORT, "127.0.0.1", List.of("127.0.0.0/8"), "kefu",
                41100, 41899, Path.of("target/warmup-recordings"), null, null), app, () -> null);
        sw.start(event -> {
            if (event instanceof CallEvent.Delivered d) {
                if (SwitchConnectionFactory.WARM_UP_CALLER.equals(d.ani())) {
                    deliveredFromWarmUp.incrementAndGet();
                }
                app.execute(() -> {
                    try {
                        sw.answer(d.alerting());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        });

        CompletableFuture<String> warmUp = CompletableFuture.supplyAsync(() -> sw.warmUp("12345", 40, 40, 300));
        long deadline = System.currentTimeMillis() + 5000;
        while (!sw.isWarmingUp() && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(sw.isWarmingUp()).isTrue();
        assertThat(WarmUpProbe.inviteStatus(PORT, "12345")).as("an outside call while warming up").isEqualTo(503);

        String outcome = warmUp.get(30, TimeUnit.SECONDS);
        assertThat(outcome).contains("40 call(s) to 12345, 40 answered, 0 failed");
        assertThat(deliveredFromWarmUp.get()).isEqualTo(40);
        assertThat(sw.isWarmingUp()).isFalse();
        assertThat(WarmUpProbe.inviteStatus(PORT, "12345")).as("an outside call afterwards").isEqualTo(200);
    }
}
