package org.kefu.securities;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.kefu.banking.AccountBalance;
import org.kefu.banking.BankingException;
import org.kefu.banking.Ledger;
import org.kefu.banking.LedgerAccount;
import org.kefu.banking.Operation;
import org.kefu.banking.OperationContext;
import org.kefu.banking.OperationJournal;
import org.kefu.banking.Receipt;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The securities operations. As in banking, everything is checked before anything is written,
 * and the order's freeze, its journal entry (KefuDS) and its submission to the branch (a JMS
 * message or a row of the branch's order table) are one XA transaction. Security: like the
 * banking service, the local view acts for a caller identified by the IVR or an agent's console;
 * the remote back-office view carries the role check.
 */
@Stateless
@PermitAll
public class SecuritiesServiceBean implements SecuritiesService {

    @EJB
    private org.kefu.banking.CallerVerifications verifications;

    @EJB
    private org.kefu.security.AuditLog audit;

    @EJB
    private SecuritiesBook book;

    @EJB
    private Ledger ledger;

    @EJB
    private OperationJournal journal;

    @EJB(beanName = "JmsBranchGateway")
    private BranchGateway jmsGateway;

    @EJB(beanName = "TableBranchGateway")
    private BranchGateway tableGateway;

    @Override
    public Quote quote(String code) throws SecuritiesException {
        return book.quote(code).map(SecQuote::view)
                .orElseThrow(() -> new SecuritiesException(SecuritiesError.UNKNOWN_STOCK, "no quote for " + code));
    }

    @Override
    public List<Quote> quotes() {
        return book.quotes().stream().map(SecQuote::view).toList();
    }

    @Override
    public Holdings holdings(OperationContext ctx, String accountId) throws SecuritiesException {
        requireVerified(ctx, "POSITIONS", accountId);
        return holdings(accountId);
    }

    /**
     * A caller's operation (channel IVR or AGENT) needs the securities account verified in its
     * call (by the PIN of its linked bank card: {@code securities.verifyPin}); the refusal is
     * audited on its own and changes nothing else.
     */
    private void requireVerified(OperationContext ctx, String operation, String accountId) throws SecuritiesException {
        try {
            verifications.require(ctx, accountId);
        } catch (BankingException e) {
            org.jboss.logging.Logger.getLogger(SecuritiesServiceBean.class).warnf(
                    "Refused %s on call %s: the PIN was not verified in this call", operation, ctx == null ? "-" : ctx.callId());
            String who = ctx == null ? "-" : ctx.agent() != null ? ctx.agent() : String.valueOf(ctx.channel());
            audit.recordIndependently(who, "MONEY_NOT_VERIFIED", accountId, org.kefu.security.AuditOutcome.FAILURE,
                    operation + " on call " + (ctx == null ? "-" : ctx.callId()), null);
            throw new SecuritiesException(SecuritiesError.NOT_VERIFIED, e.getMessage());
        }
    }

    @Override
    public Holdings holdings(String accountId) throws SecuritiesException {
        SecAccount account = account(accountId);
        LedgerAccount cash = ledger.find(account.getCashAccount())
                .orElseThrow(() -> new SecuritiesException(SecuritiesError.UNKNOWN_ACCOUNT, "no cash account"));
        AccountBalance balance = ledger.balanceOf(cash);
        List<PositionView> positions = book.positions(accountId).stream().map(p -> {
            long frozen = book.frozenShares(accountId, p.getStockCode());
            Optional<SecQuote> q = book.quote(p.getStockCode());
            return new PositionView(p.getStockCode(), q.map(SecQuote::getStockName).orElse(p.getStockCode()), p.getQuantity(),
                    frozen, p.getQuantity() - frozen, q.map(SecQuote::getLastPrice).orElse(null));
        }).toList();
        return new Holdings(accountId, account.getBranchCode(), account.getHolderName(), balance.balance(), balance.held(),
                balance.available(), positions);
    }

    @Override
    public OrderReceipt placeOrder(OperationContext ctx, String accountId, Side side, String code, BigDecimal price,
                                   long quantity) throws SecuritiesException {
        if (ctx == null) {
            throw new SecuritiesException(SecuritiesError.INVALID_REQUEST, "operation context missing");
        }
        try {
            ctx.validate();
        } catch (BankingException e) {
            throw new SecuritiesException(SecuritiesError.INVALID_REQUEST, e.getMessage());
        }
        requireVerified(ctx, "ORDER", accountId);
        if (side == null) {
            throw new SecuritiesException(SecuritiesError.INVALID_REQUEST, "side (BUY or SELL) missing");
        }
        BigDecimal limit = TradingRules.checkedPrice(price);
        long qty = TradingRules.checkedQuantity(quantity);
        Operation operation = side == Side.BUY ? Operation.SECURITIES_BUY : Operation.SECURITIES_SELL;
        String what = (code == null ? "" : code) + "/" + qty;
        Optional<Receipt> replay;
        try {
            replay = journal.replay(ctx, operation, accountId, what, limit);
        } catch (BankingException e) {
            throw new SecuritiesException(SecuritiesError.DUPLICATE_REQUEST, "idempotency key already used for another request");
        }
        if (replay.isPresent()) {
            SecOrder first = book.order(replay.get().reference())
                    .orElseThrow(() -> new IllegalStateException("journaled order " + replay.get().reference() + " is missing"));
            return receipt(first, ctx, true);
        }
        SecAccount account = account(accountId);
        SecQuote quote = book.quote(code)
                .orElseThrow(() -> new SecuritiesException(SecuritiesError.UNKNOWN_STOCK, "unknown stock code " + code));
        TradingRules.checkBand(limit, quote.getPrevClose());
        if (side == Side.SELL && TradingRules.fee(side, TradingRules.gross(limit, qty)).compareTo(TradingRules.gross(limit, qty)) >= 0) {
            throw new SecuritiesException(SecuritiesError.INVALID_PRICE, "the proceeds would not cover the fee");
        }
        if (!account.isActive()) {
            throw new SecuritiesException(SecuritiesError.ACCOUNT_FROZEN, "the securities account is not active");
        }
        SecBranch branch = book.branch(account.getBranchCode());
        BranchGateway gateway = gatewayFor(branch);
        String ref = UUID.randomUUID().toString();
        BigDecimal frozenCash = null;
        try {
            LedgerAccount cash = ledger.lock(account.getCashAccount());
            if (cash.isFrozen()) {
                throw new SecuritiesException(SecuritiesError.ACCOUNT_FROZEN, "the cash account is frozen");
            }
            if (side == Side.BUY) {
                frozenCash = TradingRules.buyFreeze(limit, qty);
                if (ledger.balanceOf(cash).available().compareTo(frozenCash) < 0) {
                    throw new SecuritiesException(SecuritiesError.INSUFFICIENT_FUNDS,
                            "available cash is short of " + frozenCash.toPlainString());
                }
                ledger.hold(cash, frozenCash, "SECURITIES_BUY", ref);
            } else {
                if (book.quantity(account.getAccountId(), quote.getStockCode()) < qty) {
                    throw new SecuritiesException(SecuritiesError.INSUFFICIENT_SHARES, "not enough shares held");
                }
                // The position row is the lock that serialises sells of one stock in one account.
                SecPosition position = book.lockPosition(account.getAccountId(), quote.getStockCode());
                long available = position.getQuantity() - book.frozenShares(account.getAccountId(), quote.getStockCode());
                if (available < qty) {
                    throw new SecuritiesException(SecuritiesError.INSUFFICIENT_SHARES,
                            available + " share(s) available to sell");
                }
                book.holdShares(account.getAccountId(), quote.getStockCode(), qty, ref);
            }
        } catch (BankingException e) {
            throw new SecuritiesException(SecuritiesError.UNKNOWN_ACCOUNT, "cash account: " + e.getMessage());
        }
        SecOrder order = new SecOrder(ref, account, branch, side, quote.getStockCode(), limit, qty, frozenCash,
                ctx.idempotencyKey(), Instant.now());
        book.persist(order);
        try {
            journal.record(ctx, operation, accountId, what, limit, ref);
        } catch (BankingException e) {
            throw new SecuritiesException(SecuritiesError.DUPLICATE_REQUEST, "the same request is being executed concurrently");
        }
        gateway.submit(new BranchOrder(ref, branch.getBranchCode(), account.getAccountId(), side, quote.getStockCode(), limit, qty));
        return receipt(order, ctx, false);
    }

    @Override
    public OrderView order(String accountId, String orderRef) throws SecuritiesException {
        account(accountId);
        return book.order(orderRef).filter(o -> o.getAccountId().equals(accountId)).map(SecOrder::view)
                .orElseThrow(() -> new SecuritiesException(SecuritiesError.UNKNOWN_ORDER, "no such order for this account"));
    }

    @Override
    public List<OrderView> orders(String accountId, int max) throws SecuritiesException {
        if (max < 1 || max > 50) {
            throw new SecuritiesException(SecuritiesError.INVALID_REQUEST, "1 to 50 orders");
        }
        account(accountId);
        return book.orders(accountId, max).stream().map(SecOrder::view).toList();
    }

    private BranchGateway gatewayFor(SecBranch branch) {
        return switch (branch.getProtocol()) {
            case JmsBranchGateway.PROTOCOL -> jmsGateway;
            case TableBranchGateway.PROTOCOL -> tableGateway;
            default -> throw new IllegalStateException("branch " + branch.getBranchCode() + " has unknown protocol " + branch.getProtocol());
        };
    }

    private SecAccount account(String accountId) throws SecuritiesException {
        return book.customerAccount(accountId)
                .orElseThrow(() -> new SecuritiesException(SecuritiesError.UNKNOWN_ACCOUNT, "no such securities account"));
    }

    private static OrderReceipt receipt(SecOrder order, OperationContext ctx, boolean replayed) {
        return new OrderReceipt(order.getOrderRef(), order.getBranchCode(), order.getProtocol(), order.getSide(),
                order.getStockCode(), order.getLimitPrice(), order.getQuantity(), order.getFrozenAmount(),
                order.getSide() == Side.SELL ? order.getQuantity() : 0, ctx.idempotencyKey(), replayed);
    }
}
