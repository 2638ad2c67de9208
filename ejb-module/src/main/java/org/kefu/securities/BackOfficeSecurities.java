package org.kefu.securities;

import jakarta.ejb.Remote;

import java.util.List;

/**
 * The back office's synchronous window into securities, role {@code backoffice} only:
 * {@code ejb:kefu/kefu-ejb/BackOfficeSecuritiesBean!org.kefu.securities.BackOfficeSecurities}.
 * Read-only: orders are the customer's to place; quotes are refreshed with the JMS command
 * {@code quote.update}.
 */
@Remote
public interface BackOfficeSecurities {

    Holdings holdings(String accountId) throws SecuritiesException;

    List<OrderView> orders(String accountId, int max) throws SecuritiesException;

    List<Quote> quotes();
}
