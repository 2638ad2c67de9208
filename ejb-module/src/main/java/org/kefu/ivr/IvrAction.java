package org.kefu.ivr;

import org.kefu.telephony.DigitCollection;
import org.kefu.telephony.Prompt;

import java.util.Map;

/**
 * What the flow asks the EJB layer to do, in order: plain records executed against the switch
 * ({@code CallControl}) and the {@link ServiceRegistry}. None of them ever carries a secret digit.
 */
public sealed interface IvrAction {

    record Play(Prompt prompt) implements IvrAction {
    }

    record Collect(DigitCollection spec) implements IvrAction {
    }

    /**
     * Call {@code operation} with {@code inputs}; {@code secretInputs} maps parameter names to
     * variables of the {@link SecretVault} (use {@link SecretVault#select}). Answer with
     * {@link IvrInput.ServiceDone} or {@link IvrInput.ServiceFailed}.
     */
    record InvokeService(String node, String operation, Map<String, String> inputs,
                         Map<String, String> secretInputs, String idempotencyKey) implements IvrAction {
        public InvokeService {
            inputs = Map.copyOf(inputs);
            secretInputs = Map.copyOf(secretInputs);
        }
    }

    /** Hand the call over; {@code data} is to be attached first. The flow has ended. */
    record Transfer(TransferKind kind, String target, Map<String, String> data) implements IvrAction {
        public Transfer {
            data = Map.copyOf(data);
        }
    }

    record Record(int maxSeconds) implements IvrAction {
    }

    record AttachData(Map<String, String> data) implements IvrAction {
        public AttachData {
            data = Map.copyOf(data);
        }
    }

    /** End the call. The flow has ended. */
    record Hangup() implements IvrAction {
    }
}
