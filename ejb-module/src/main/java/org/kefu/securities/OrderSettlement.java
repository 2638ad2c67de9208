package org.kefu.securities;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.jboss.logging.Logger;
import org.kefu.banking.AccountHold;
import org.kefu.banking.BackOfficeEvents;
import org.kefu.banking.BankingException;
import org.kefu.banking.Ledger;
import org.kefu.banking.LedgerAccount;
import org.kefu.banking.MovementKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A branch's answer to an order, whatever the protocol it came by, applied in the caller's
 * transaction. A fill settles: cash and shares move between the customer and the branch's
 * clearing accounts, the fee goes to INT-SEC-FEES, the hold is closed as SETTLED. A rejection
 * releases the hold. An answer for an order already closed is a duplicate and changes nothing.
 * Only whole fills are supported (the simulator and both protocols as specified send those).
 * <p>
 * An answer is checked against the order before anything moves (issue 14 item 6): the order
 * exists, the answering branch is the order's branch, the quantity is the open quantity (never
 * more), and the fill price is within the order's limit (at most it for a buy, at least it for a
 * sell) and within the day's price band of the stock (±10% of the previous close) for both sides.
 * A refusal is a {@link BadBranchAnswer}: the answer's protocol dead-letters it (JMS) or leaves it
 * unsettled (table) and logs it, and nothing else changes.
 */
@Stateless
@PermitAll // local only
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class OrderSettlement {

    private static final Logger LOG = Logger.getLogger(OrderSettlement.class);

    public static final String FEES_ACCOUNT = "INT-SEC-FEES";

    @EJB
    private SecuritiesBook book;

    @EJB
    private Ledger ledger;

    @EJB
    private BackOfficeEvents backOffice;

    /** @return false when the order was already closed (a repeated answer) */
    public boolean fill(String orderRef, String branchCode, BigDecimal price, long quantity) throws BadBranchAnswer {
        SecOrder order = book.lockOrder(orderRef).orElseThrow(() -> new BadBranchAnswer("unknown order " + orderRef));
        checkBranch(order, branchCode);
        if (!order.isOpen()) {
            LOG.infof("Repeated answer for order %s (%s): ignored", orderRef, order.getStatus());
            return false;
        }
        if (quantity > order.getQuantity()) {
            throw new BadBranchAnswer("fill of " + quantity + " is above the open quantity " + order.getQuantity());
        }
        if (quantity != order.getQuantity()) {
            throw new BadBranchAnswer("fill of " + quantity + " for an order of " + order.getQuantity() + " (partial fills are not supported)");
        }
        if (price == null || price.signum() <= 0 || price.stripTrailingZeros().scale() > 2) {
            throw new BadBranchAnswer("fill price missing or not in fen");
        }
        BigDecimal fillPrice = price.setScale(2);
        Side side = order.getSide();
        if (side == Side.BUY && fillPrice.compareTo(order.getLimitPrice()) > 0
                || side == Side.SELL && fillPrice.compareTo(order.getLimitPrice()) < 0) {
            throw new BadBranchAnswer("fill at " + fillPrice + " is beyond the limit " + order.getLimitPrice());
        }
        SecQuote quote = book.quote(order.getStockCode())
                .orElseThrow(() -> new BadBranchAnswer("no quote for " + order.getStockCode() + ": the price band is unknown"));
        try {
            TradingRules.checkBand(fillPrice, quote.getPrevClose());
        } catch (SecuritiesException e) {
            throw new BadBranchAnswer("fill " + e.getMessage());
        }
        SecAccount account = book.customerAccount(order.getAccountId())
                .orElseThrow(() -> new BadBranchAnswer("order's account vanished"));
        SecBranch branch = book.branch(order.getBranchCode());
        BigDecimal gross = TradingRules.gross(fillPrice, quantity);
        BigDecimal fee = TradingRules.fee(side, gross);
        String ref = order.getOrderRef();
        Instant now = Instant.now();
        try {
            List<LedgerAccount> locked = ledger.lockAllInOrder(account.getCashAccount(), branch.getClearingAccount(), FEES_ACCOUNT);
            LedgerAccount cash = locked.get(0);
            LedgerAccount clearing = locked.get(1);
            LedgerAccount fees = locked.get(2);
            if (side == Side.BUY) {
                for (AccountHold hold : ledger.activeHolds(ref)) {
                    ledger.closeHold(hold, true);
                }
                // Never more than was frozen: the fill is at or below the limit, the fee grows with the value.
                ledger.move(ref, cash, clearing, gross, MovementKind.SETTLEMENT, "buy " + quantity + " " + order.getStockCode() + " @ " + fillPrice);
                ledger.move(ref, cash, fees, fee, MovementKind.FEE, "fee of order " + ref);
                book.moveShares(branch.clearingPositionAccount(), account.getAccountId(), order.getStockCode(), quantity);
            } else {
                for (SecShareHold hold : book.activeShareHolds(ref)) {
                    hold.close(true, now);
                }
                book.moveShares(account.getAccountId(), branch.clearingPositionAccount(), order.getStockCode(), quantity);
                ledger.move(ref, clearing, cash, gross, MovementKind.SETTLEMENT, "sell " + quantity + " " + order.getStockCode() + " @ " + fillPrice);
                ledger.move(ref, cash, fees, fee, MovementKind.FEE, "fee of order " + ref);
            }
        } catch (BankingException e) {
            throw new BadBranchAnswer("ledger refused the settlement: " + e.getMessage());
        }
        order.filled(fillPrice, quantity, fee, now);
        backOffice.send(event("securities.order.filled", order)
                .add("fillPrice", fillPrice.toPlainString())
                .add("fillQuantity", quantity)
                .add("fee", fee.toPlainString())
                .build(), ref);
        return true;
    }

    /** @return false when the order was already closed (a repeated answer) */
    public boolean reject(String orderRef, String branchCode, String reason) throws BadBranchAnswer {
        SecOrder order = book.lockOrder(orderRef).orElseThrow(() -> new BadBranchAnswer("unknown order " + orderRef));
        checkBranch(order, branchCode);
        if (!order.isOpen()) {
            LOG.infof("Repeated answer for order %s (%s): ignored", orderRef, order.getStatus());
            return false;
        }
        Instant now = Instant.now();
        for (AccountHold hold : ledger.activeHolds(orderRef)) {
            ledger.closeHold(hold, false);
        }
        for (SecShareHold hold : book.activeShareHolds(orderRef)) {
            hold.close(false, now);
        }
        String why = reason == null || reason.isBlank() ? "rejected by the branch" : reason;
        order.rejected(why, now);
        backOffice.send(event("securities.order.rejected", order).add("reason", why).build(), orderRef);
        return true;
    }

    /** The answer must come for the order's own branch, a branch Kefu knows. */
    private void checkBranch(SecOrder order, String branchCode) throws BadBranchAnswer {
        if (branchCode == null || branchCode.isBlank()) {
            throw new BadBranchAnswer("the answer names no branch");
        }
        if (!branchCode.equals(order.getBranchCode())) {
            throw new BadBranchAnswer("branch " + branchCode + " answered for an order of branch " + order.getBranchCode());
        }
        if (book.branch(branchCode) == null) {
            throw new BadBranchAnswer("unknown branch " + branchCode);
        }
    }

    private static JsonObjectBuilder event(String type, SecOrder order) {
        return Json.createObjectBuilder()
                .add("type", type)
                .add("reference", order.getOrderRef())
                .add("account", order.getAccountId())
                .add("branch", order.getBranchCode())
                .add("side", order.getSide().name())
                .add("code", order.getStockCode())
                .add("price", order.getLimitPrice().toPlainString())
                .add("quantity", order.getQuantity())
                .add("at", Instant.now().toString());
    }
}
