package org.kefu.securities;

import jakarta.ejb.Local;
import org.kefu.banking.OperationContext;

import java.math.BigDecimal;
import java.util.List;

/**
 * Securities by phone (电话委托, R-4.3) for the IVR and the console: quotes, funds and positions,
 * limit orders routed to the customer's branch, order status. Refusals are
 * {@link SecuritiesException}s with a {@link SecuritiesError} and write nothing.
 */
@Local
public interface SecuritiesService {

    Quote quote(String code) throws SecuritiesException;

    List<Quote> quotes();

    Holdings holdings(String accountId) throws SecuritiesException;

    /**
     * A limit order: freezes cash (buy: price × quantity + fee) or shares (sell) and submits it
     * to the account's branch, in one XA transaction. The fill or rejection comes later
     * ({@link #order}). A retry with the same idempotency key returns the first receipt with
     * {@code replayed=true}; the key reused for another request is DUPLICATE_REQUEST.
     */
    OrderReceipt placeOrder(OperationContext ctx, String accountId, Side side, String code, BigDecimal price, long quantity)
            throws SecuritiesException;

    OrderView order(String accountId, String orderRef) throws SecuritiesException;

    /** The account's latest orders, newest first (at most 50). */
    List<OrderView> orders(String accountId, int max) throws SecuritiesException;
}
