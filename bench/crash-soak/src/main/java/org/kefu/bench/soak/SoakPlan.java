package org.kefu.bench.soak;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the crash soak works on, shared by the harness (which opens it) and SoakTool (which drives
 * and checks it): customer accounts that pay each other (every one a registered payee of every
 * other), securities accounts at two JMS-protocol and two TABLE-protocol branches, and two stocks
 * of their own. Everything is opened from the ledger's internal opening accounts, so the ledger's
 * invariants (balances are their postings, all balances and all positions sum to zero) hold.
 */
public final class SoakPlan {

    private SoakPlan() {
    }

    /** Customer accounts for transfers: money only moves among them, so their total never changes. */
    public static final List<String> ACCOUNTS = List.of(
            "SOAK-01", "SOAK-02", "SOAK-03", "SOAK-04", "SOAK-05", "SOAK-06", "SOAK-07", "SOAK-08");
    public static final BigDecimal OPENING = new BigDecimal("1000000.00");

    /** Securities accounts (16 characters at most) and their branches: GZ01, GZ02 JMS; GZ04, GZ05 TABLE. */
    public static final List<String> SEC_ACCOUNTS = List.of("SOAK-GZ01-1", "SOAK-GZ02-1", "SOAK-GZ04-1", "SOAK-GZ05-1");
    public static final BigDecimal SEC_CASH = new BigDecimal("10000000.00");
    public static final long SEC_SHARES = 10_000_000L;

    /** Stocks of the soak's own (not the demo center's), with their previous close: the band is ±10%. */
    public static final List<String> STOCKS = List.of("900001", "900002");
    public static final List<BigDecimal> PREV_CLOSE = List.of(new BigDecimal("10.00"), new BigDecimal("20.00"));

    public static String branchOf(String secAccount) {
        return secAccount.substring(5, 9);
    }

    public static String cashAccountOf(String secAccount) {
        return "SOAKCASH-" + secAccount.substring(5);
    }

    /** The prefix of every idempotency key the soak's clients use. */
    public static final String KEY_PREFIX = "soak-";
}
