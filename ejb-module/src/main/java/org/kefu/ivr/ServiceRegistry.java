package org.kefu.ivr;

import java.util.Map;
import java.util.Optional;

/**
 * Self-service operations by name ({@code banking.balance}, {@code utilities.bill} …), as the
 * flow's service nodes call them. The EJB layer implements it over BankingService and friends;
 * the flow engine itself never calls it (it emits {@link IvrAction.InvokeService}).
 */
public interface ServiceRegistry {

    /** The operation of that name, or empty if none (the validator can check flows against it). */
    Optional<Operation> find(String name);

    /** One self-service operation. */
    @FunctionalInterface
    interface Operation {
        /**
         * @param inputs         the non-secret inputs, by parameter name
         * @param secrets        the secret inputs (PINs), by parameter name; never log them
         * @param idempotencyKey the same for every retry of one request (call id + node + visit)
         * @return the outputs, or an error code
         */
        ServiceOutcome invoke(Map<String, String> inputs, SecretVault secrets, String idempotencyKey);
    }

    /** What an operation answered: outputs, or an error code (BankingError names and the like). */
    record ServiceOutcome(Map<String, String> outputs, String errorCode) {
        public ServiceOutcome {
            outputs = outputs == null ? Map.of() : Map.copyOf(outputs);
        }

        public static ServiceOutcome ok(Map<String, String> outputs) {
            return new ServiceOutcome(outputs, null);
        }

        public static ServiceOutcome error(String code) {
            return new ServiceOutcome(Map.of(), code);
        }

        public boolean failed() {
            return errorCode != null;
        }

        /** The interpreter's input for this outcome. */
        public IvrInput toInput() {
            return failed() ? new IvrInput.ServiceFailed(errorCode) : new IvrInput.ServiceDone(outputs);
        }
    }
}
