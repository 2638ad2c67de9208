package org.kefu.telephony.dialplan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumberClassifierTest {

    private static void is(NumberCategory expected, String... numbers) {
        for (String n : numbers) {
            assertEquals(expected, NumberClassifier.classify(n), n);
        }
    }

    @Test
    void mainlandNumbers() {
        is(NumberCategory.MOBILE, "13800138000", "139 1234 0003", "+8613912340003", "008619912345678");
        is(NumberCategory.LANDLINE, "01088886666", "075512345678", "0571-8888-6666", "88886666", "+861088886666");
        is(NumberCategory.SERVICE, "110", "12345", "95500", "10086", "4008123123", "8008101818");
    }

    @Test
    void numbersThatCostTheCentreMoney() {
        is(NumberCategory.INTERNATIONAL, "0044207946000", "+12125550100", "00855123456");
        is(NumberCategory.PREMIUM, "16801234", "1600123456", "0101680123");
        is(NumberCategory.CARRIER_PREFIX, "179510044207946000", "1795113800138000", "125930101234567");
        is(NumberCategory.UNKNOWN, "", "abc", "+", "sip:x@y", "0", "12");
    }
}
