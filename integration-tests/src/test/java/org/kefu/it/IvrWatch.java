package org.kefu.it;

import org.kefu.ivr.IvrState;
import org.kefu.ivr.PathEntry;
import org.kefu.ivr.calls.IvrCalls;
import org.kefu.telephony.CallId;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Watches a call's IVR flow from a probe inside the server: waits for a state, shows the path taken. */
final class IvrWatch {

    private IvrWatch() {
    }

    /** Waits up to 40 s until the call's flow is in a state that passes {@code test}. */
    static IvrState awaitState(IvrCalls ivr, CallId call, Predicate<IvrState> test, String what) {
        return SipBed.await(() -> what + ": not reached; last state "
                        + ivr.stateOf(call).map(s -> s.node() + " " + s.waiting() + " " + path(s)).orElse("none (flow ended)"),
                Duration.ofSeconds(40), () -> ivr.stateOf(call).orElse(null), s -> test.test(s));
    }

    /** Waits until the flow asks for digits at {@code node}. */
    static IvrState awaitDigitsAt(IvrCalls ivr, CallId call, String node) {
        return awaitState(ivr, call, s -> node.equals(s.node()) && s.waiting() == IvrState.Waiting.DIGITS, "the flow asks at " + node);
    }

    static String path(IvrState s) {
        return s.path().stream().map(PathEntry::toString).collect(Collectors.joining(" "));
    }
}
