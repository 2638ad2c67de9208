package org.kefu.telephony.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SheddingTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Shedding shedding = new Shedding(now::get);

    @Test
    void admissionFlippingNearCapacityIsOneEpisode() {
        // Near capacity refusals and admissions alternate every few milliseconds.
        for (int i = 0; i < 500; i++) {
            shedding.refused("media clock 41 ms behind");
            now.addAndGet(3);
            shedding.admitted();
            assertTrue(shedding.isShedding(), "still one episode at " + i);
            now.addAndGet(3);
        }
        assertEquals(500, shedding.refusedCalls());
    }

    @Test
    void theEpisodeEndsWithTheFirstAdmissionAfterAQuietSpell() {
        shedding.refused("call limit");
        now.addAndGet(Shedding.QUIET_MILLIS - 1);
        shedding.admitted();
        assertTrue(shedding.isShedding());
        now.addAndGet(1);
        shedding.admitted();
        assertFalse(shedding.isShedding());
        shedding.refused("call limit");
        assertTrue(shedding.isShedding(), "a new episode starts with the next refusal");
    }
}
