package org.kefu.securities;

import java.io.Serializable;
import java.util.Objects;

/** The key of a position: account and stock code. */
public class PositionId implements Serializable {

    private static final long serialVersionUID = 1L;

    private String accountId;
    private String stockCode;

    public PositionId() {
    }

    public PositionId(String accountId, String stockCode) {
        this.accountId = accountId;
        this.stockCode = stockCode;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PositionId p && Objects.equals(accountId, p.accountId) && Objects.equals(stockCode, p.stockCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountId, stockCode);
    }
}
