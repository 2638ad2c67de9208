package org.kefu.banking;

import jakarta.ejb.Local;

import java.math.BigDecimal;
import java.util.List;

/**
 * Phone banking for the IVR and the agent console. Every method that
 * moves money or changes a card is one JTA transaction over the ledger (LedgerDS), Kefu's journal
 * (KefuDS) and a message to the back office (kefu.backoffice.out), committed by two-phase commit;
 * a refusal is a {@link BankingException} with its {@link BankingError} and leaves all three
 * untouched. Each such method takes the request's idempotency key in the {@link OperationContext}:
 * a retry with the same key returns the first execution's receipt ({@code replayed = true}) and
 * moves nothing.
 */
@Local
public interface BankingService {

    /**
     * Staff views only (the agent's screen pop, the back office's remote view): no call, no PIN.
     * Whatever a caller reaches goes through {@link #balance(OperationContext, String)}.
     */
    AccountBalance balance(String accountNumber) throws BankingException;

    /**
     * The balance for a caller: with channel IVR or AGENT, refused ({@code NOT_VERIFIED}) unless
     * the account's PIN was verified in the context's call (see {@link CallerVerifications}).
     */
    AccountBalance balance(OperationContext ctx, String accountNumber) throws BankingException;

    /** The last {@code lines} (1 to 20) postings, newest first. Staff views only, as {@link #balance(String)}. */
    List<StatementLine> miniStatement(String accountNumber, int lines) throws BankingException;

    /** The mini-statement for a caller, verified as {@link #balance(OperationContext, String)}. */
    List<StatementLine> miniStatement(OperationContext ctx, String accountNumber, int lines) throws BankingException;

    /** The designated accounts this account may pay by phone, for a caller verified as {@link #balance(OperationContext, String)}. */
    List<PayeeSummary> payees(OperationContext ctx, String accountNumber) throws BankingException;

    /**
     * Transfers, bill payments and card-loss reports with channel IVR or AGENT are refused
     * ({@code NOT_VERIFIED}, nothing written) unless the source account's PIN was verified in the
     * context's call.
     */

    /** Transfer to a registered payee, within the per-transfer and daily limits and available funds. */
    Receipt transfer(OperationContext ctx, String fromAccount, String payeeAccount, BigDecimal amount) throws BankingException;

    List<BillSummary> unpaidBills(String utilityCustomer);

    /** Pays the bill in full into the utility's collection account and marks it paid. */
    Receipt payBill(OperationContext ctx, String fromAccount, String billNumber) throws BankingException;

    /** Blocks the account's card (挂失) and tells the back office. */
    Receipt reportCardLoss(OperationContext ctx, String accountNumber) throws BankingException;

    /**
     * Returns if the PIN is right; otherwise WRONG_PIN (with the attempts left in the message),
     * PIN_LOCKED (the third consecutive failure, and every attempt after it), CARD_BLOCKED or
     * UNKNOWN_ACCOUNT. Failures are counted even though the exception rolls back the caller.
     * Success binds the account to the context's call ({@link CallerVerifications}).
     */
    void verifyPin(OperationContext ctx, String accountNumber, char[] pin) throws BankingException;
}
