package org.kefu.securities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/** The quote of one stock as the back office last sent it (command quote.update). */
@Entity
@Table(name = "sec_quote")
public class SecQuote {

    @Id
    @Column(name = "stock_code", length = 6)
    private String stockCode;

    @Column(name = "stock_name", nullable = false, length = 50)
    private String stockName;

    @Column(name = "prev_close", nullable = false, precision = 19, scale = 2)
    private BigDecimal prevClose;

    @Column(name = "last_price", nullable = false, precision = 19, scale = 2)
    private BigDecimal lastPrice;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SecQuote() {
    }

    SecQuote(String stockCode, String stockName, BigDecimal prevClose, BigDecimal lastPrice, Instant at) {
        this.stockCode = stockCode;
        this.stockName = stockName;
        this.prevClose = prevClose;
        this.lastPrice = lastPrice;
        this.updatedAt = at;
    }

    void update(String name, BigDecimal prev, BigDecimal last, Instant at) {
        if (name != null) {
            stockName = name;
        }
        if (prev != null) {
            prevClose = prev;
        }
        lastPrice = last;
        updatedAt = at;
    }

    public String getStockCode() {
        return stockCode;
    }

    public String getStockName() {
        return stockName;
    }

    public BigDecimal getPrevClose() {
        return prevClose;
    }

    public BigDecimal getLastPrice() {
        return lastPrice;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    Quote view() {
        return new Quote(stockCode, stockName, prevClose, lastPrice, TradingRules.limitDown(prevClose),
                TradingRules.limitUp(prevClose), updatedAt);
    }
}
