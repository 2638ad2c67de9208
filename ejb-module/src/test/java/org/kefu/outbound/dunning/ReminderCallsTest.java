package org.kefu.outbound.dunning;

import org.junit.jupiter.api.Test;
import org.kefu.outbound.CallbackOutcome;
import org.kefu.telephony.CallId;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A reminder's call and its failure meet whichever comes first; every other call is nobody's. */
class ReminderCallsTest {

    @Test
    void aFailureAfterTheCallWasRegisteredNamesItsReminderOnce() {
        ReminderCalls calls = new ReminderCalls();
        CallId call = new CallId("c1");
        assertThat(calls.placed(call, 7)).isEmpty();
        assertThat(calls.failed(call, CallbackOutcome.BUSY)).hasValue(7);
        assertThat(calls.failed(call, CallbackOutcome.BUSY)).isEmpty();
        assertThat(calls.answered(call)).isEmpty();
    }

    @Test
    void aFailureBeforeTheCallWasRegisteredIsHandedToTheReminderWhenItRegisters() {
        ReminderCalls calls = new ReminderCalls();
        CallId call = new CallId("c2");
        assertThat(calls.failed(call, CallbackOutcome.BUSY)).isEmpty(); // the 486 came first
        assertThat(calls.placed(call, 8)).contains(CallbackOutcome.BUSY);
        assertThat(calls.answered(call)).isEmpty(); // nothing left to answer
    }

    @Test
    void anAnsweredCallIsItsRemindersAndOtherCallsAreNobodys() {
        ReminderCalls calls = new ReminderCalls();
        assertThat(calls.placed(new CallId("c3"), 9)).isEmpty();
        assertThat(calls.answered(new CallId("c3"))).hasValue(9);
        assertThat(calls.answered(new CallId("other"))).isEmpty();
    }

    @Test
    void raceBetweenRegisteringAndFailingLosesNoFailure() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 2_000; i++) {
                ReminderCalls calls = new ReminderCalls();
                CallId call = new CallId("r" + i);
                CountDownLatch start = new CountDownLatch(1);
                Future<Optional<CallbackOutcome>> dial = pool.submit(() -> {
                    start.await();
                    return calls.placed(call, 1);
                });
                Future<OptionalLong> fail = pool.submit(() -> {
                    start.await();
                    return calls.failed(call, CallbackOutcome.NO_ANSWER);
                });
                start.countDown();
                boolean seenByDial = dial.get(5, TimeUnit.SECONDS).isPresent();
                boolean seenByFailure = fail.get(5, TimeUnit.SECONDS).isPresent();
                assertThat(seenByDial ^ seenByFailure).as("exactly one side settles the reminder, round " + i).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
