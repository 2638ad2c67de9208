package org.kefu.banking;

import java.io.Serializable;

/**
 * Who asks and on which occasion: the channel, the call (the SIP Call-ID or Kefu's call
 * reference), the agent's job number when an agent acts, and the idempotency key the caller
 * chose for this request. The key must be the same for every retry of one request (the IVR uses
 * call id + step, the console a token issued with the form), and different for a new request.
 */
public record OperationContext(Channel channel, String callId, String agent, String idempotencyKey)
        implements Serializable {

    public static final int MAX_KEY_LENGTH = 64;

    public static OperationContext ivr(String callId, String idempotencyKey) {
        return new OperationContext(Channel.IVR, callId, null, idempotencyKey);
    }

    public static OperationContext agent(String callId, String agentJobNumber, String idempotencyKey) {
        return new OperationContext(Channel.AGENT, callId, agentJobNumber, idempotencyKey);
    }

    public static OperationContext backOffice(String idempotencyKey) {
        return new OperationContext(Channel.BACKOFFICE, null, null, idempotencyKey);
    }

    public void validate() throws BankingException {
        if (channel == null) {
            throw new BankingException(BankingError.INVALID_REQUEST, "channel missing");
        }
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw new BankingException(BankingError.INVALID_REQUEST,
                    "idempotency key must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        if (callId != null && callId.length() > 64 || agent != null && agent.length() > 32) {
            throw new BankingException(BankingError.INVALID_REQUEST, "call id or agent too long");
        }
    }
}
