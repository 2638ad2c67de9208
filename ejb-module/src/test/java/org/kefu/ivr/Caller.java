package org.kefu.ivr;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kefu.telephony.CallEvent;

/**
 * A scripted caller plus what the EJB layer will do: plays finish at once, service calls go to
 * the fake registry; the script presses keys whenever the flow waits for them.
 */
final class Caller {
    final IvrFlow flow;
    final FlowInterpreter interpreter;
    final FakeServices services;
    IvrState state;
    SecretVault vault = SecretVault.empty();
    final List<IvrAction> actions = new ArrayList<>();

    Caller(IvrFlow flow, FakeServices services, Clock clock, HolidayCalendar holidays) {
        this.flow = flow;
        this.services = services;
        this.interpreter = new FlowInterpreter(clock, holidays);
        this.state = IvrState.initial(flow);
    }

    Caller(IvrFlow flow, FakeServices services) {
        this(flow, services, Clock.systemUTC(), HolidayCalendar.NONE);
    }

    Caller start() {
        return feed(new IvrInput.Started("call-1", Map.of("kefu.ani", "13800138000", "kefu.dnis", "95500")));
    }

    /** A reminder's call Kefu placed: the reminder's id in the call's data. */
    Caller startReminder(String notice) {
        return feed(new IvrInput.Started("call-1", Map.of("kefu.ani", "13800138000", "kefu.dnis", "96000",
                "kefu.dunningNotice", notice)));
    }

    Caller press(String keys) {
        return feed(new IvrInput.DigitsReceived(keys, keys.endsWith("#") ? CallEvent.DigitsEnd.TERMINATOR
                : CallEvent.DigitsEnd.MAX_DIGITS));
    }

    Caller silence() {
        return feed(new IvrInput.DigitsReceived("", CallEvent.DigitsEnd.TIMEOUT));
    }

    Caller recorded(String ref) {
        return feed(new IvrInput.RecordingFinished(ref, 12_000));
    }

    /** Applies one input, then plays out prompts and services until the flow waits for the caller or ends. */
    Caller feed(IvrInput input) {
        List<IvrInput> todo = new ArrayList<>(List.of(input));
        int guard = 0;
        while (!todo.isEmpty()) {
            if (++guard > 500) {
                throw new IllegalStateException("flow never waits for the caller");
            }
            Step step = interpreter.step(flow, state, vault, todo.remove(0));
            state = step.state();
            vault = step.vault();
            actions.addAll(step.actions());
            for (IvrAction a : step.actions()) {
                if (a instanceof IvrAction.InvokeService s) {
                    ServiceRegistry.Operation op = services.find(s.operation())
                            .orElseThrow(() -> new IllegalStateException("no fake for " + s.operation()));
                    todo.add(op.invoke(s.inputs(), vault.select(s.secretInputs()), s.idempotencyKey()).toInput());
                }
            }
            if (state.waiting() == IvrState.Waiting.PROMPT && todo.isEmpty()) {
                todo.add(new IvrInput.PromptFinished(CallEvent.PromptEnd.COMPLETED));
            }
        }
        return this;
    }

    String node() {
        return state.node();
    }

    /** Every prompt name played so far, in order. */
    List<String> heard() {
        List<String> names = new ArrayList<>();
        for (IvrAction a : actions) {
            if (a instanceof IvrAction.Play p) {
                names.addAll(p.prompt().names());
            }
        }
        return names;
    }

    List<String> heardSinceLast(String marker) {
        List<String> h = heard();
        int i = h.lastIndexOf(marker);
        return h.subList(i < 0 ? 0 : i, h.size());
    }

    IvrAction last() {
        return actions.get(actions.size() - 1);
    }

    <T extends IvrAction> T lastOf(Class<T> type) {
        for (int i = actions.size() - 1; i >= 0; i--) {
            if (type.isInstance(actions.get(i))) {
                return type.cast(actions.get(i));
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + actions);
    }
}
