package org.kefu.telephony.speech;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Says an amount of renminbi as prompt names, the way Chinese bank IVRs do:
 * 10000.00 一万元整, 128.50 一百二十八元五角, 128.05 一百二十八元零五分, 0.50 五角; and in English
 * "ten thousand yuan", "one hundred twenty-eight yuan and fifty fen" (fen counted 1..99, since
 * English speakers do not use jiao). Amounts are rounded half-up to the fen.
 */
public final class SpokenAmount {
    private SpokenAmount() {
    }

    public static List<String> of(BigDecimal amount, Locale locale) {
        BigDecimal v = amount.setScale(2, RoundingMode.HALF_UP);
        List<String> out = new ArrayList<>();
        if (v.signum() < 0) {
            out.add("minus");
            v = v.negate();
        }
        long cents = v.movePointRight(2).longValueExact();
        long yuan = cents / 100;
        int jiao = (int) (cents / 10 % 10);
        int fen = (int) (cents % 10);
        if (SpokenNumber.isChinese(locale)) {
            chinese(yuan, jiao, fen, out);
        } else {
            english(yuan, (int) (cents % 100), out);
        }
        return out;
    }

    private static void chinese(long yuan, int jiao, int fen, List<String> out) {
        if (yuan > 0 || (jiao == 0 && fen == 0)) {
            out.addAll(SpokenNumber.cardinal(yuan, Locale.SIMPLIFIED_CHINESE));
            out.add("yuan");
        }
        if (jiao == 0 && fen == 0) {
            out.add("zheng"); // 整: nothing after the yuan
            return;
        }
        if (jiao > 0) {
            out.add("digit-" + jiao);
            out.add("jiao");
        } else if (yuan > 0) {
            out.add("digit-0"); // 一百二十八元零五分
        }
        if (fen > 0) {
            out.add("digit-" + fen);
            out.add("fen");
        }
    }

    private static void english(long yuan, int cents, List<String> out) {
        if (yuan > 0 || cents == 0) {
            out.addAll(SpokenNumber.cardinal(yuan, Locale.ENGLISH));
            out.add("yuan");
        }
        if (cents > 0) {
            if (yuan > 0) {
                out.add("and");
            }
            SpokenNumber.englishBelowHundred(cents, out);
            out.add("fen");
        }
    }
}
