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

    /** Staff views only (the back office's remote view); a caller's positions go through {@link #holdings(OperationContext, String)}. */
    Holdings holdings(String accountId) throws SecuritiesException;

    /**
     * Funds and positions for a caller: with channel IVR or AGENT, refused ({@code NOT_VERIFIED})
     * unless the account was verified in the context's call (the PIN of its linked bank card,
     * {@code securities.verifyPin}).
     */
    Holdings holdings(OperationContext ctx, String accountId) throws SecuritiesException;

    /**
     * A limit order: freezes cash (buy: price × quantity + fee) or shares (sell) and submits it
     * to the account's branch, in one XA transaction. The fill or rejection comes later
     * ({@link #order}). A retry with the same idempotency key returns the first receipt with
     * {@code replayed=true}; the key reused for another request is DUPLICATE_REQUEST. With channel
     * IVR or AGENT, refused (NOT_VERIFIED, nothing written) unless the account was verified in the
     * context's call (the PIN of its linked bank card).
     */
    OrderReceipt placeOrder(OperationContext ctx, String accountId, Side side, String code, BigDecimal price, long quantity)
            throws SecuritiesException;

    OrderView order(String accountId, String orderRef) throws SecuritiesException;

    /** The account's latest orders, newest first (at most 50). */
    List<OrderView> orders(String accountId, int max) throws SecuritiesException;
}
