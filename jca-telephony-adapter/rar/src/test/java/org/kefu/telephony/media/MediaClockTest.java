package org.kefu.telephony.media;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaClockTest {

    /** Many legs: their phases are shared among threads, yet every output of a tick sees every input of it done. */
    @Test
    void sharedPhasesRunEveryTaskOncePerTickInPhaseOrder() throws Exception {
        int legs = 500;
        MediaClock clock = new MediaClock(3);
        AtomicLongArray inputTick = new AtomicLongArray(legs);
        AtomicLongArray outputTick = new AtomicLongArray(legs);
        AtomicLong inputsThisTick = new AtomicLong();
        AtomicLong mixSawInputs = new AtomicLong(-1);
        AtomicLong orderViolations = new AtomicLong();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < legs; i++) {
            int leg = i;
            clock.register(MediaClock.Phase.INPUT, now -> {
                inputTick.set(leg, now);
                inputsThisTick.incrementAndGet();
                threads.add(Thread.currentThread().getName());
            });
            clock.register(MediaClock.Phase.OUTPUT, now -> {
                if (inputTick.get(leg) != now || outputTick.get(leg) >= now) {
                    orderViolations.incrementAndGet();
                }
                outputTick.set(leg, now);
            });
        }
        clock.register(MediaClock.Phase.MIX, now -> mixSawInputs.set(inputsThisTick.getAndSet(0)));
        clock.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (clock.timedTicks() < 20 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        clock.close();
        assertTrue(clock.timedTicks() >= 20, "the clock ticked " + clock.timedTicks() + " times in 5 s");
        assertEquals(0, orderViolations.get(), "outputs that ran before their input of the same tick, or twice");
        assertEquals(legs, mixSawInputs.get(), "the mix phase saw all inputs of its tick done");
        assertEquals(3, threads.size(), "the input phase ran on the clock thread and two workers: " + threads);
    }

    @Test
    void fewLegsStayOnTheClockThread() {
        MediaClock clock = new MediaClock(4);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < MediaClock.PARALLEL_MIN_TASKS - 1; i++) {
            clock.register(MediaClock.Phase.OUTPUT, now -> threads.add(Thread.currentThread().getName()));
        }
        clock.tick();
        assertEquals(Set.of(Thread.currentThread().getName()), threads);
    }
}
