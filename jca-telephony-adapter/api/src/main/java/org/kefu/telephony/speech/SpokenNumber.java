package org.kefu.telephony.speech;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns numbers into the list of prompt names that says them, in Mandarin (zh-CN) or English.
 * This is how dynamic content (balances, queue positions, codes) is spoken without a TTS engine:
 * the prompts {@code digit-0..9}, {@code ten}, {@code hundred} ... are recorded once.
 * <p>
 * Mandarin follows the standard reading rules: groups of four digits (万, 亿); one 零 for any run of
 * zeros inside the number but none at the end (1005 一千零五, 10100 一万零一百, 100000 十万);
 * a leading 一十 is said 十 (15 十五, but 115 一百一十五); 2 is 两 before 千 and as a bare 万/亿
 * multiplier (2000 两千, 20000 两万), 二 elsewhere. In digit strings (account, phone, ticket
 * numbers) 1 is read 幺 to avoid confusion with 七.
 * <p>
 * Pure Java and in the API jar so that the EJBs (the IVR flow engine) and the resource adapter
 * speak numbers the same way; the prompt names are those of the adapter's prompt library
 * ({@code prompts/README.md}). Same rules and names as the adapter's
 * {@code org.kefu.telephony.media.SpokenNumber}.
 */
public final class SpokenNumber {
    /** The largest magnitude supported: 9999 万亿 in Mandarin, just under ten million billion in English. */
    public static final long MAX = 9_999_999_999_999_999L;

    private SpokenNumber() {
    }

    /** True for any Chinese locale (the zh-CN prompt folder), false for everything else (en). */
    public static boolean isChinese(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage());
    }

    /** A whole number, e.g. 1005 -> [digit-1, thousand, digit-0, digit-5] in zh-CN. */
    public static List<String> cardinal(long n, Locale locale) {
        if (n > MAX || n < -MAX) {
            throw new IllegalArgumentException("number too large to speak: " + n);
        }
        List<String> out = new ArrayList<>();
        if (n < 0) {
            out.add("minus");
            n = -n;
        }
        if (isChinese(locale)) {
            chinese(n, out);
        } else {
            english(n, out);
        }
        return out;
    }

    /** A decimal number: the whole part, then "point" and the fraction digit by digit (3.14, 三点一四). */
    public static List<String> decimal(BigDecimal value, Locale locale) {
        BigDecimal v = value.stripTrailingZeros();
        List<String> out = new ArrayList<>();
        if (v.signum() < 0) {
            out.add("minus");
            v = v.negate();
        }
        BigDecimal whole = new BigDecimal(v.toBigInteger());
        out.addAll(cardinal(whole.longValueExact(), locale));
        if (v.scale() > 0) {
            out.add("point");
            String fraction = v.subtract(whole).toPlainString().substring(2); // after "0."
            for (char c : fraction.toCharArray()) {
                out.add("digit-" + c);
            }
        }
        return out;
    }

    /**
     * Reads a string of digits one by one (account numbers, phone numbers, stock codes, ticket
     * numbers). In Mandarin 1 is read 幺.
     *
     * @throws IllegalArgumentException if the string contains anything but 0-9 (the message gives the
     *         position only: the string may be confidential)
     */
    public static List<String> digits(String digits, Locale locale) {
        boolean zh = isChinese(locale);
        List<String> out = new ArrayList<>(digits.length());
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit at position " + i);
            }
            out.add(zh && c == '1' ? "digit-1-yao" : "digit-" + c);
        }
        return out;
    }

    // ---- Mandarin ----

    private static final String[][] ZH_SECTION_UNITS = {{}, {"wan"}, {"yi"}, {"wan", "yi"}};
    private static final String[] ZH_POSITION_UNITS = {null, "ten", "hundred", "thousand"};

    private static void chinese(long n, List<String> out) {
        if (n == 0) {
            out.add("digit-0");
            return;
        }
        int[] sections = new int[4];
        for (int i = 0; i < 4; i++) {
            sections[i] = (int) (n % 10_000);
            n /= 10_000;
        }
        boolean started = false;
        boolean pendingZero = false;
        for (int i = 3; i >= 0; i--) {
            int section = sections[i];
            if (section == 0) {
                pendingZero = started;
                continue;
            }
            if (started && (pendingZero || section < 1000)) {
                out.add("digit-0"); // zeros between sections, e.g. 一万零一百
            }
            chineseSection(section, !started, i > 0, out);
            for (String unit : ZH_SECTION_UNITS[i]) {
                out.add(unit);
            }
            started = true;
            pendingZero = false;
        }
    }

    private static void chineseSection(int section, boolean leading, boolean multiplier, List<String> out) {
        int[] d = {section % 10, section / 10 % 10, section / 100 % 10, section / 1000};
        boolean started = false;
        boolean zero = false;
        for (int pos = 3; pos >= 0; pos--) {
            int digit = d[pos];
            if (digit == 0) {
                zero = started;
                continue;
            }
            if (zero) {
                out.add("digit-0");
                zero = false;
            }
            if (pos == 1 && digit == 1 && leading && !started) {
                out.add("ten"); // 十五, not 一十五, at the start of a number
            } else {
                boolean liang = digit == 2 && (pos == 3 || (pos == 0 && section == 2 && multiplier));
                out.add(liang ? "digit-2-liang" : "digit-" + digit);
                if (ZH_POSITION_UNITS[pos] != null) {
                    out.add(ZH_POSITION_UNITS[pos]);
                }
            }
            started = true;
        }
    }

    // ---- English ----

    private static final long[] EN_SCALES = {1_000_000_000L, 1_000_000L, 1_000L};
    private static final String[] EN_SCALE_NAMES = {"billion", "million", "thousand"};

    private static void english(long n, List<String> out) {
        if (n == 0) {
            out.add("digit-0");
            return;
        }
        for (int i = 0; i < EN_SCALES.length; i++) {
            long part = n / EN_SCALES[i];
            if (part > 0) {
                if (part >= 1000) {
                    english(part, out); // e.g. "five thousand billion" for very large values
                } else {
                    englishBelowThousand((int) part, out);
                }
                out.add(EN_SCALE_NAMES[i]);
                n %= EN_SCALES[i];
            }
        }
        if (n > 0) {
            englishBelowThousand((int) n, out);
        }
    }

    private static void englishBelowThousand(int n, List<String> out) {
        int hundreds = n / 100;
        int rest = n % 100;
        if (hundreds > 0) {
            out.add("digit-" + hundreds);
            out.add("hundred");
        }
        if (rest > 0) {
            englishBelowHundred(rest, out);
        }
    }

    static void englishBelowHundred(int n, List<String> out) {
        if (n < 10) {
            out.add("digit-" + n);
        } else if (n < 20) {
            out.add("num-" + n);
        } else {
            out.add("num-" + (n / 10 * 10));
            if (n % 10 > 0) {
                out.add("digit-" + (n % 10));
            }
        }
    }
}
