package org.kefu.securities;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The exchange's and the broker's rules for an order, without any state: board lots, the daily
 * price band, fees. Fees: commission 0.03% of the traded value, at least 5.00; stamp duty 0.05%
 * on sells only; each rounded half-up to the fen.
 */
public final class TradingRules {

    public static final long BOARD_LOT = 100;
    /** No phone order comes near this; anything above is a typo. */
    public static final long MAX_QUANTITY = 1_000_000;
    public static final BigDecimal BAND = new BigDecimal("0.10");
    public static final BigDecimal COMMISSION_RATE = new BigDecimal("0.0003");
    public static final BigDecimal MIN_COMMISSION = new BigDecimal("5.00");
    public static final BigDecimal STAMP_DUTY_RATE = new BigDecimal("0.0005");

    private TradingRules() {
    }

    public static long checkedQuantity(long quantity) throws SecuritiesException {
        if (quantity <= 0) {
            throw new SecuritiesException(SecuritiesError.INVALID_QUANTITY, "quantity must be positive");
        }
        if (quantity % BOARD_LOT != 0) {
            throw new SecuritiesException(SecuritiesError.INVALID_QUANTITY, "quantity must be in board lots of " + BOARD_LOT);
        }
        if (quantity > MAX_QUANTITY) {
            throw new SecuritiesException(SecuritiesError.INVALID_QUANTITY, "at most " + MAX_QUANTITY + " shares per order");
        }
        return quantity;
    }

    public static BigDecimal checkedPrice(BigDecimal price) throws SecuritiesException {
        if (price == null) {
            throw new SecuritiesException(SecuritiesError.INVALID_PRICE, "price missing");
        }
        if (price.signum() <= 0) {
            throw new SecuritiesException(SecuritiesError.INVALID_PRICE, "price must be positive");
        }
        if (price.stripTrailingZeros().scale() > 2) {
            throw new SecuritiesException(SecuritiesError.INVALID_PRICE, "price has more than two decimals");
        }
        if (price.compareTo(new BigDecimal("100000")) >= 0) {
            throw new SecuritiesException(SecuritiesError.INVALID_PRICE, "price is out of range");
        }
        return price.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** The lowest price of the day (limit down): previous close less 10%, half-up to the fen. */
    public static BigDecimal limitDown(BigDecimal prevClose) {
        return prevClose.multiply(BigDecimal.ONE.subtract(BAND)).setScale(2, RoundingMode.HALF_UP);
    }

    /** The highest price of the day (limit up): previous close plus 10%, half-up to the fen. */
    public static BigDecimal limitUp(BigDecimal prevClose) {
        return prevClose.multiply(BigDecimal.ONE.add(BAND)).setScale(2, RoundingMode.HALF_UP);
    }

    public static void checkBand(BigDecimal price, BigDecimal prevClose) throws SecuritiesException {
        BigDecimal low = limitDown(prevClose);
        BigDecimal high = limitUp(prevClose);
        if (price.compareTo(low) < 0 || price.compareTo(high) > 0) {
            throw new SecuritiesException(SecuritiesError.PRICE_OUT_OF_BAND,
                    "price " + price.toPlainString() + " outside today's band " + low.toPlainString() + "–" + high.toPlainString());
        }
    }

    public static BigDecimal gross(BigDecimal price, long quantity) {
        return price.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.UNNECESSARY);
    }

    public static BigDecimal fee(Side side, BigDecimal gross) {
        BigDecimal commission = gross.multiply(COMMISSION_RATE).setScale(2, RoundingMode.HALF_UP).max(MIN_COMMISSION);
        if (side == Side.SELL) {
            return commission.add(gross.multiply(STAMP_DUTY_RATE).setScale(2, RoundingMode.HALF_UP));
        }
        return commission;
    }

    /** What a buy freezes: the value at the limit price plus its fee. */
    public static BigDecimal buyFreeze(BigDecimal price, long quantity) {
        BigDecimal gross = gross(price, quantity);
        return gross.add(fee(Side.BUY, gross));
    }
}
