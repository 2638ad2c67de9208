package org.kefu.calls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kefu.telephony.CallId;

import java.time.Instant;

class CallSessionsTest {

    private static final Instant NOON = Instant.parse("2026-03-02T04:00:00Z");
    private final CallSessions calls = new CallSessions();
    private final CallId c1 = new CallId("c1");

    @Test
    void theNumberPlanTakesACallAndHandsItOnOwnerByOwner() {
        calls.open(c1, EntryStep.MENU, NOON);
        assertThat(calls.find(c1)).hasValueSatisfying(s -> {
            assertThat(s.owner()).isEqualTo(CallOwner.ENTRY);
            assertThat(s.at(EntryStep.MENU)).isTrue();
        });

        calls.handTo(c1, CallOwner.QUEUE);
        assertThat(calls.find(c1)).hasValueSatisfying(s -> {
            assertThat(s.owner()).isEqualTo(CallOwner.QUEUE);
            // The entry's old step means nothing once the queue owns the call.
            assertThat(s.step()).isNull();
            assertThat(s.at(EntryStep.MENU)).isFalse();
        });

        calls.handTo(c1, CallOwner.AGENT);
        calls.enter(c1, EntryStep.VOICEMAIL_PROMPT);
        assertThat(calls.find(c1)).hasValueSatisfying(s -> assertThat(s.at(EntryStep.VOICEMAIL_PROMPT)).isTrue());
    }

    @Test
    void aCallKefuDidNotAnswerGetsItsSessionWhenAnOwnerTakesIt() {
        // An agent's own call transferred to a queue never passed the number plan.
        calls.handTo(c1, CallOwner.QUEUE);

        assertThat(calls.owner(c1)).contains(CallOwner.QUEUE);
        assertThat(calls.size()).isEqualTo(1);
    }

    @Test
    void theSessionEndsWithItsCall() {
        calls.open(c1, EntryStep.DIRECT_DIAL, NOON);
        calls.ended(c1);

        assertThat(calls.find(c1)).isEmpty();
        assertThat(calls.size()).isZero();
    }

    @Test
    void aSessionWhoseEndNeverCameIsDroppedAfterTheMaximumAgeOnly() {
        calls.open(c1, EntryStep.MENU, NOON);
        calls.open(new CallId("c2"), EntryStep.MENU, NOON.plus(CallSessions.MAX_AGE));

        assertThat(calls.dropStale(NOON.plus(CallSessions.MAX_AGE))).isZero();
        assertThat(calls.dropStale(NOON.plus(CallSessions.MAX_AGE).plusSeconds(1))).isEqualTo(1);

        assertThat(calls.find(c1)).isEmpty();
        assertThat(calls.owner(new CallId("c2"))).contains(CallOwner.ENTRY);
    }
}
