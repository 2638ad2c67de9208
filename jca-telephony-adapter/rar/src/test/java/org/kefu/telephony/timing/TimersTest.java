package org.kefu.telephony.timing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The server's timer survives a task that throws (a plain java.util.Timer would be cancelled, and
 * every sweep with it), and a scope cancels what it scheduled while the timer goes on.
 */
class TimersTest {

    @Test
    void aTaskThatThrowsLeavesTheServersTimerRunning() throws Exception {
        java.util.Timer server = new java.util.Timer(true);
        try {
            Timers timers = Timers.on(server);
            CountDownLatch ran = new CountDownLatch(3);
            timers.every(Duration.ofMillis(10), () -> {
                ran.countDown();
                throw new IllegalStateException("a failing sweep");
            });
            assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
            CountDownLatch later = new CountDownLatch(1);
            timers.after(Duration.ofMillis(1), later::countDown);
            assertThat(later.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            server.cancel();
        }
    }

    @Test
    void closingAScopeCancelsItsTasksOnly() throws Exception {
        try (Timers.Own own = Timers.ownThread("timers-test")) {
            Timers.Scope scope = Timers.scope(own);
            AtomicInteger scoped = new AtomicInteger();
            scope.every(Duration.ofMillis(5), scoped::incrementAndGet);
            scope.after(Duration.ofMillis(200), scoped::incrementAndGet);
            CountDownLatch other = new CountDownLatch(1);
            scope.close();
            int atClose = scoped.get();
            own.after(Duration.ofMillis(50), other::countDown);
            assertThat(other.await(5, TimeUnit.SECONDS)).as("the timer goes on").isTrue();
            Thread.sleep(250);
            assertThat(scoped.get()).isLessThanOrEqualTo(atClose + 1);
            int settled = scoped.get();
            Thread.sleep(100);
            assertThat(scoped.get()).isEqualTo(settled);
            assertThat(scope.after(Duration.ZERO, scoped::incrementAndGet).cancel()).as("closed: never runs").isFalse();
        }
    }

    @Test
    void aOneShotCancelledInTimeNeverRuns() throws Exception {
        try (Timers.Own own = Timers.ownThread("timers-test")) {
            Timers.Scope scope = Timers.scope(own);
            AtomicInteger ran = new AtomicInteger();
            Timers.Task t = scope.after(Duration.ofMillis(100), ran::incrementAndGet);
            assertThat(t.cancel()).isTrue();
            assertThat(t.cancel()).isFalse();
            Thread.sleep(200);
            assertThat(ran.get()).isZero();
        }
    }
}
