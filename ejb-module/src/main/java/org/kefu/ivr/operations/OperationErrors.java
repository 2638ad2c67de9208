package org.kefu.ivr.operations;

/** Error codes the IVR operations answer besides their services' own (BankingError names …). */
public final class OperationErrors {

    /** No such operation, or one not built. */
    public static final String NOT_AVAILABLE = "NOT_AVAILABLE";
    /** The operation broke (a system error, logged); the flow handles it like any refusal. */
    public static final String FAILED = "FAILED";
    /** An input is missing or malformed. */
    public static final String INVALID_REQUEST = "INVALID_REQUEST";

    private OperationErrors() {
    }
}
