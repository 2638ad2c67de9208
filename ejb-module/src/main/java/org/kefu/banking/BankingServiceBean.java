package org.kefu.banking;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The phone-banking operations. Each checks everything before it writes anything, so a refusal
 * needs no undo; the rollback that comes with {@link BankingException} is the safety net.
 * Security: the local view has no caller role to check, because the IVR acts for a caller who
 * proved who they are by PIN, not by login; the console's pages and the remote back-office view
 * carry the role checks.
 */
@Stateless
@PermitAll
public class BankingServiceBean implements BankingService {

    private static final Logger LOG = Logger.getLogger(BankingServiceBean.class);

    @EJB
    private Ledger ledger;

    @EJB
    private OperationJournal journal;

    @EJB
    private PinVerifier pins;

    @EJB
    private BackOfficeEvents backOffice;

    @EJB
    private CallerVerifications verifications;

    @EJB
    private org.kefu.security.AuditLog audit;

    @Override
    public AccountBalance balance(String accountNumber) throws BankingException {
        return ledger.balanceOf(customerAccount(accountNumber));
    }

    @Override
    public AccountBalance balance(OperationContext ctx, String accountNumber) throws BankingException {
        requireVerified(ctx, "BALANCE", accountNumber);
        return balance(accountNumber);
    }

    @Override
    public List<StatementLine> miniStatement(OperationContext ctx, String accountNumber, int lines) throws BankingException {
        requireVerified(ctx, "STATEMENT", accountNumber);
        return miniStatement(accountNumber, lines);
    }

    @Override
    public List<StatementLine> miniStatement(String accountNumber, int lines) throws BankingException {
        if (lines < 1 || lines > 20) {
            throw new BankingException(BankingError.INVALID_REQUEST, "a mini-statement has 1 to 20 lines");
        }
        return ledger.statement(customerAccount(accountNumber), lines);
    }

    @Override
    public List<PayeeSummary> payees(OperationContext ctx, String accountNumber) throws BankingException {
        requireVerified(ctx, "PAYEES", accountNumber);
        customerAccount(accountNumber);
        return ledger.payeesOf(accountNumber).stream().map(p -> new PayeeSummary(p.getPayeeAccount(), p.getPayeeName())).toList();
    }

    @Override
    public Receipt transfer(OperationContext ctx, String fromAccount, String payeeAccount, BigDecimal amount)
            throws BankingException {
        ctx.validate();
        requireVerified(ctx, "TRANSFER", fromAccount);
        BigDecimal value = Amounts.checked(amount);
        Optional<Receipt> replay = journal.replay(ctx, Operation.TRANSFER, fromAccount, payeeAccount, value);
        if (replay.isPresent()) {
            return replay.get();
        }
        if (fromAccount != null && fromAccount.equals(payeeAccount)) {
            throw new BankingException(BankingError.UNKNOWN_PAYEE, "an account cannot pay itself");
        }
        ledger.lockInOrder(fromAccount, payeeAccount);
        LedgerAccount source = ledger.lockCustomerAccount(fromAccount);
        LedgerAccount target = ledger.lock(payeeAccount);
        checkCanPay(source, value);
        if (!ledger.isRegisteredPayee(fromAccount, payeeAccount)) {
            throw new BankingException(BankingError.UNKNOWN_PAYEE, "not a registered payee of this account");
        }
        if (target.isFrozen()) {
            throw new BankingException(BankingError.ACCOUNT_FROZEN, "the payee's account is frozen");
        }
        String reference = newReference();
        ledger.move(reference, source, target, value, MovementKind.TRANSFER, "transfer to " + payeeAccount);
        journal.record(ctx, Operation.TRANSFER, fromAccount, payeeAccount, value, reference);
        backOffice.send(BackOfficeEvent.of("transfer.completed", reference, ctx)
                .add("fromAccount", fromAccount)
                .add("toAccount", payeeAccount)
                .add("amount", BackOfficeEvent.amount(value))
                .add("currency", source.getCurrency())
                .build(), reference);
        return new Receipt(reference, Operation.TRANSFER, ctx.idempotencyKey(), value, false);
    }

    @Override
    public List<BillSummary> unpaidBills(String utilityCustomer) {
        return ledger.unpaidBills(utilityCustomer).stream()
                .map(b -> new BillSummary(b.getBillNumber(), b.getUtilityCustomer(), b.getBillingPeriod(), b.getAmount()))
                .toList();
    }

    @Override
    public Receipt payBill(OperationContext ctx, String fromAccount, String billNumber) throws BankingException {
        ctx.validate();
        requireVerified(ctx, "BILL_PAYMENT", fromAccount);
        // Before the bill's state: a retried payment finds its bill paid, and must get its receipt.
        Optional<Receipt> replay = journal.replay(ctx, Operation.BILL_PAYMENT, fromAccount, billNumber, null);
        if (replay.isPresent()) {
            return replay.get();
        }
        UtilityBill bill = ledger.lockBill(billNumber)
                .orElseThrow(() -> new BankingException(BankingError.UNKNOWN_BILL, "no such bill"));
        if (bill.isPaid()) {
            throw new BankingException(BankingError.BILL_ALREADY_PAID, "bill " + billNumber + " is paid");
        }
        ledger.lockInOrder(fromAccount, bill.getBillerAccount());
        LedgerAccount source = ledger.lockCustomerAccount(fromAccount);
        LedgerAccount biller = ledger.lock(bill.getBillerAccount());
        BigDecimal value = Ledger.money(bill.getAmount());
        checkCanPay(source, value);
        String reference = newReference();
        ledger.move(reference, source, biller, value, MovementKind.BILL_PAYMENT, "bill " + billNumber);
        bill.markPaid(fromAccount, reference, Instant.now());
        journal.record(ctx, Operation.BILL_PAYMENT, fromAccount, billNumber, value, reference);
        backOffice.send(BackOfficeEvent.of("bill.paid", reference, ctx)
                .add("fromAccount", fromAccount)
                .add("billNumber", billNumber)
                .add("utilityCustomer", bill.getUtilityCustomer())
                .add("billerAccount", bill.getBillerAccount())
                .add("amount", BackOfficeEvent.amount(value))
                .add("currency", source.getCurrency())
                .build(), reference);
        return new Receipt(reference, Operation.BILL_PAYMENT, ctx.idempotencyKey(), value, false);
    }

    @Override
    public Receipt reportCardLoss(OperationContext ctx, String accountNumber) throws BankingException {
        ctx.validate();
        requireVerified(ctx, "CARD_LOSS", accountNumber);
        Optional<Receipt> replay = journal.replay(ctx, Operation.CARD_LOSS, accountNumber, null, null);
        if (replay.isPresent()) {
            return replay.get();
        }
        customerAccount(accountNumber);
        BankCard card = ledger.cardOf(accountNumber, true)
                .orElseThrow(() -> new BankingException(BankingError.UNKNOWN_ACCOUNT, "the account has no card"));
        // Reporting a card lost twice is not an error for the caller: it stays blocked.
        card.block(Instant.now());
        String reference = newReference();
        journal.record(ctx, Operation.CARD_LOSS, accountNumber, card.getCardNumber(), null, reference);
        backOffice.send(BackOfficeEvent.of("card.blocked", reference, ctx)
                .add("account", accountNumber)
                .add("card", masked(card.getCardNumber()))
                .add("reason", "REPORTED_LOST")
                .build(), reference);
        return new Receipt(reference, Operation.CARD_LOSS, ctx.idempotencyKey(), null, false);
    }

    @Override
    public void verifyPin(OperationContext ctx, String accountNumber, char[] pin) throws BankingException {
        try {
            if (pin == null || !PinHasher.wellFormed(new String(pin))) {
                throw new BankingException(BankingError.INVALID_REQUEST, "a PIN is six digits");
            }
            PinOutcome outcome = pins.verify(accountNumber, pin);
            // The outcome, never the digits.
            LOG.debugf("PIN check on call %s: %s", ctx == null ? "-" : ctx.callId(), outcome);
            switch (outcome) {
                case VERIFIED -> {
                    if (ctx != null) {
                        verifications.verified(ctx.callId(), accountNumber);
                    }
                }
                case WRONG -> throw new BankingException(BankingError.WRONG_PIN,
                        pins.remaining(accountNumber) + " attempt(s) left");
                case NOW_LOCKED, LOCKED -> throw new BankingException(BankingError.PIN_LOCKED,
                        "too many wrong PINs; the counter or the back office can unlock");
                case CARD_BLOCKED -> throw new BankingException(BankingError.CARD_BLOCKED, "the card is blocked");
                case NO_CARD -> throw new BankingException(BankingError.UNKNOWN_ACCOUNT, "no card for this account");
            }
        } finally {
            PinHasher.wipe(pin);
        }
    }

    /**
     * A caller's operation (channel IVR or AGENT) needs the account's PIN verified in its call;
     * a refusal is audited (in its own transaction: the refusal rolls the caller's back) and
     * changes nothing else.
     */
    private void requireVerified(OperationContext ctx, String operation, String account) throws BankingException {
        try {
            verifications.require(ctx, account);
        } catch (BankingException e) {
            String who = ctx == null ? "-" : ctx.agent() != null ? ctx.agent() : String.valueOf(ctx.channel());
            LOG.warnf("Refused %s on call %s: the account's PIN was not verified in this call",
                    operation, ctx == null ? "-" : ctx.callId());
            audit.recordIndependently(who, "MONEY_NOT_VERIFIED", masked(account), org.kefu.security.AuditOutcome.FAILURE,
                    operation + " on call " + (ctx == null ? "-" : ctx.callId()), null);
            throw e;
        }
    }

    /** Frozen account, blocked card, limits, funds: in this order, as the IVR explains them. */
    private void checkCanPay(LedgerAccount source, BigDecimal amount) throws BankingException {
        if (source.isFrozen()) {
            throw new BankingException(BankingError.ACCOUNT_FROZEN, "the account is frozen");
        }
        if (ledger.cardOf(source.getAccountNumber(), false).map(BankCard::isBlocked).orElse(false)) {
            throw new BankingException(BankingError.CARD_BLOCKED, "the account's card is blocked");
        }
        if (amount.compareTo(source.getPerTransferLimit()) > 0) {
            throw new BankingException(BankingError.OVER_LIMIT, "above the limit per transaction");
        }
        if (ledger.debitedToday(source.getAccountNumber()).add(amount).compareTo(source.getDailyLimit()) > 0) {
            throw new BankingException(BankingError.OVER_LIMIT, "above the daily limit");
        }
        if (ledger.balanceOf(source).available().compareTo(amount) < 0) {
            throw new BankingException(BankingError.INSUFFICIENT_FUNDS, "available funds are short");
        }
    }

    private LedgerAccount customerAccount(String accountNumber) throws BankingException {
        LedgerAccount account = ledger.find(accountNumber)
                .orElseThrow(() -> new BankingException(BankingError.UNKNOWN_ACCOUNT, "no such account"));
        if (!"CUSTOMER".equals(account.getKind())) {
            throw new BankingException(BankingError.UNKNOWN_ACCOUNT, "no such customer account");
        }
        return account;
    }

    static String masked(String cardNumber) {
        return cardNumber == null ? "-" : CardNumbers.mask(cardNumber);
    }

    private static String newReference() {
        return UUID.randomUUID().toString();
    }
}
