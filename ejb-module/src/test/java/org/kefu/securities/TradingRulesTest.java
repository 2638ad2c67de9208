package org.kefu.securities;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Board lots, the daily price band and fees. */
class TradingRulesTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static SecuritiesError refusal(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(SecuritiesException.class, e).getError();
    }

    @Test
    void quantitiesAreWholeBoardLotsWithinTheMaximum() throws Exception {
        assertEquals(100, TradingRules.checkedQuantity(100));
        assertEquals(1_000_000, TradingRules.checkedQuantity(1_000_000));
        assertEquals(SecuritiesError.INVALID_QUANTITY, refusal(() -> TradingRules.checkedQuantity(0)));
        assertEquals(SecuritiesError.INVALID_QUANTITY, refusal(() -> TradingRules.checkedQuantity(-100)));
        assertEquals(SecuritiesError.INVALID_QUANTITY, refusal(() -> TradingRules.checkedQuantity(150)));
        assertEquals(SecuritiesError.INVALID_QUANTITY, refusal(() -> TradingRules.checkedQuantity(99)));
        assertEquals(SecuritiesError.INVALID_QUANTITY, refusal(() -> TradingRules.checkedQuantity(1_000_100)));
    }

    @Test
    void pricesArePositiveAndInFen() throws Exception {
        assertEquals(d("10.50"), TradingRules.checkedPrice(d("10.5")));
        assertEquals(2, TradingRules.checkedPrice(d("10")).scale());
        assertEquals(d("10.50"), TradingRules.checkedPrice(d("10.500")));
        assertEquals(SecuritiesError.INVALID_PRICE, refusal(() -> TradingRules.checkedPrice(null)));
        assertEquals(SecuritiesError.INVALID_PRICE, refusal(() -> TradingRules.checkedPrice(d("0"))));
        assertEquals(SecuritiesError.INVALID_PRICE, refusal(() -> TradingRules.checkedPrice(d("-1.00"))));
        assertEquals(SecuritiesError.INVALID_PRICE, refusal(() -> TradingRules.checkedPrice(d("10.005"))));
    }

    @Test
    void theBandIsTenPercentAroundThePreviousCloseRoundedHalfUp() throws Exception {
        assertEquals(d("9.00"), TradingRules.limitDown(d("10.00")));
        assertEquals(d("11.00"), TradingRules.limitUp(d("10.00")));
        // 11.15 x 1.1 = 12.265 -> 12.27; 11.15 x 0.9 = 10.035 -> 10.04 (half-up, as the exchanges do)
        assertEquals(d("12.27"), TradingRules.limitUp(d("11.15")));
        assertEquals(d("10.04"), TradingRules.limitDown(d("11.15")));
        TradingRules.checkBand(d("9.00"), d("10.00"));
        TradingRules.checkBand(d("11.00"), d("10.00"));
        TradingRules.checkBand(d("10.00"), d("10.00"));
        assertEquals(SecuritiesError.PRICE_OUT_OF_BAND, refusal(() -> TradingRules.checkBand(d("8.99"), d("10.00"))));
        assertEquals(SecuritiesError.PRICE_OUT_OF_BAND, refusal(() -> TradingRules.checkBand(d("11.01"), d("10.00"))));
    }

    @Test
    void buyFeesAreCommissionWithAMinimumOfFiveYuan() {
        // 1,000 x 10.00 = 10,000.00 -> 0.03% = 3.00 -> minimum 5.00
        assertEquals(d("5.00"), TradingRules.fee(Side.BUY, d("10000.00")));
        // 100,000.00 -> 30.00
        assertEquals(d("30.00"), TradingRules.fee(Side.BUY, d("100000.00")));
        // 33,333.33 -> 9.999999 -> 10.00 (half-up)
        assertEquals(d("10.00"), TradingRules.fee(Side.BUY, d("33333.33")));
        assertEquals(d("10005.00"), TradingRules.buyFreeze(d("10.00"), 1000));
        assertEquals(d("1005.00"), TradingRules.buyFreeze(d("10.00"), 100));
    }

    @Test
    void sellFeesAddStampDuty() {
        // 10,000.00: commission 5.00 (minimum) + stamp duty 0.05% = 5.00
        assertEquals(d("10.00"), TradingRules.fee(Side.SELL, d("10000.00")));
        // 100,000.00: 30.00 + 50.00
        assertEquals(d("80.00"), TradingRules.fee(Side.SELL, d("100000.00")));
        // 1,050.00: 5.00 + 0.525 -> 0.53
        assertEquals(d("5.53"), TradingRules.fee(Side.SELL, d("1050.00")));
    }

    @Test
    void grossIsExactInFen() {
        assertEquals(d("1234.00"), TradingRules.gross(d("12.34"), 100));
        assertEquals(d("999000.00"), TradingRules.gross(d("10.00"), 99_900));
    }
}
