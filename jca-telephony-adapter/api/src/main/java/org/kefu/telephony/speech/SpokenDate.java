package org.kefu.telephony.speech;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Says a date as prompt names: zh-CN 二零二五年三月五日 (year digit by digit, 1 as 一 not 幺),
 * English "March fifth, twenty twenty-five" (years as pairs; 2000-2009 as "two thousand five").
 */
public final class SpokenDate {
    private SpokenDate() {
    }

    public static List<String> of(LocalDate date, Locale locale) {
        List<String> out = new ArrayList<>();
        if (SpokenNumber.isChinese(locale)) {
            for (char c : String.valueOf(date.getYear()).toCharArray()) {
                out.add("digit-" + c);
            }
            out.add("year");
            out.addAll(SpokenNumber.cardinal(date.getMonthValue(), locale));
            out.add("month");
            out.addAll(SpokenNumber.cardinal(date.getDayOfMonth(), locale));
            out.add("day");
        } else {
            out.add("month-" + date.getMonthValue());
            out.add("ordinal-" + date.getDayOfMonth());
            out.addAll(englishYear(date.getYear()));
        }
        return out;
    }

    static List<String> englishYear(int year) {
        if (year < 1100 || year > 9999 || (year >= 2000 && year <= 2009) || year % 100 < 10 && year % 100 != 0) {
            return SpokenNumber.cardinal(year, Locale.ENGLISH); // 2005 two thousand five, 1905 one thousand ...
        }
        List<String> out = new ArrayList<>(SpokenNumber.cardinal(year / 100, Locale.ENGLISH));
        if (year % 100 == 0) {
            out.add("hundred"); // nineteen hundred
        } else {
            out.addAll(SpokenNumber.cardinal(year % 100, Locale.ENGLISH)); // twenty twenty-five
        }
        return out;
    }
}
