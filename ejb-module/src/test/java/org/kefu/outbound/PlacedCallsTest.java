package org.kefu.outbound;

import org.junit.jupiter.api.Test;
import org.kefu.outbound.PlacedCalls.Kind;
import org.kefu.outbound.PlacedCalls.Purpose;
import org.kefu.telephony.CallId;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A placed call and its failure meet whichever comes first; every other call is nobody's. */
class PlacedCallsTest {

    private static final Purpose REMINDER = new Purpose(Kind.DUNNING, 7);

    @Test
    void aFailureAfterTheCallWasRegisteredNamesItsPurposeOnce() {
        PlacedCalls calls = new PlacedCalls();
        CallId call = new CallId("c1");
        assertThat(calls.placed(call, REMINDER)).isEmpty();
        assertThat(calls.failed(call, CallbackOutcome.BUSY)).contains(REMINDER);
        assertThat(calls.failed(call, CallbackOutcome.BUSY)).isEmpty();
        assertThat(calls.answered(call)).isEmpty();
    }

    @Test
    void aFailureBeforeTheCallWasRegisteredIsHandedOverWhenItRegisters() {
        PlacedCalls calls = new PlacedCalls();
        CallId call = new CallId("c2");
        assertThat(calls.failed(call, CallbackOutcome.BUSY)).isEmpty(); // the 486 came first
        assertThat(calls.placed(call, REMINDER)).contains(CallbackOutcome.BUSY);
        assertThat(calls.answered(call)).isEmpty(); // nothing left to answer
    }

    @Test
    void anAnsweredCallIsForItsPurposeAndOtherCallsAreNobodys() {
        PlacedCalls calls = new PlacedCalls();
        Purpose visit = new Purpose(Kind.VISIT, 10_000_001);
        assertThat(calls.placed(new CallId("c3"), visit)).isEmpty();
        assertThat(calls.answered(new CallId("c3"))).contains(visit);
        assertThat(calls.answered(new CallId("other"))).isEmpty();
    }

    @Test
    void raceBetweenRegisteringAndFailingLosesNoFailure() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 2_000; i++) {
                PlacedCalls calls = new PlacedCalls();
                CallId call = new CallId("r" + i);
                CountDownLatch start = new CountDownLatch(1);
                Future<Optional<CallbackOutcome>> dial = pool.submit(() -> {
                    start.await();
                    return calls.placed(call, REMINDER);
                });
                Future<Optional<Purpose>> fail = pool.submit(() -> {
                    start.await();
                    return calls.failed(call, CallbackOutcome.NO_ANSWER);
                });
                start.countDown();
                boolean seenByDial = dial.get(5, TimeUnit.SECONDS).isPresent();
                boolean seenByFailure = fail.get(5, TimeUnit.SECONDS).isPresent();
                assertThat(seenByDial ^ seenByFailure).as("exactly one side settles the call, round " + i).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
