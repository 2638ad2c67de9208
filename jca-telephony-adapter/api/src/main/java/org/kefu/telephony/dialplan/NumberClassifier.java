package org.kefu.telephony.dialplan;

import java.util.regex.Pattern;

/**
 * Sorts an outside number into a {@link NumberCategory} by the mainland China numbering plan. The
 * number is first normalised: spaces and dashes dropped, +86 / 0086 removed (a national number).
 * Used by every path that makes Kefu dial out, so one policy decides what may be dialled.
 */
public final class NumberClassifier {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern CARRIER_PREFIX = Pattern.compile("(179\\d\\d|12593|10193|96688|17909)\\d{3,}");
    private static final Pattern PREMIUM = Pattern.compile("(0\\d{2,3})?(168|160[0-9])\\d{2,8}");
    private static final Pattern SERVICE_SHORT = Pattern.compile("(1\\d{2,5}|9\\d{4,5})");
    private static final Pattern BUSINESS = Pattern.compile("[48]00\\d{7}");
    private static final Pattern TRUNK_LANDLINE = Pattern.compile("0[1-9]\\d{8,10}");
    private static final Pattern LOCAL_LANDLINE = Pattern.compile("[2-8]\\d{6,7}");

    private NumberClassifier() {
    }

    /** The number without spaces, dashes and a +86 / 0086 prefix. */
    public static String normalise(String number) {
        String n = number == null ? "" : number.replaceAll("[\\s-]", "");
        String national = n.startsWith("+86") ? n.substring(3) : n.startsWith("0086") ? n.substring(4) : null;
        if (national == null) {
            return n;
        }
        // +86 10 8888 6666: the international form drops the landline's trunk prefix 0
        return national.matches("[1-9]\\d{8,10}") && !MOBILE.matcher(national).matches() ? "0" + national : national;
    }

    public static NumberCategory classify(String number) {
        String n = normalise(number);
        if (n.startsWith("+") || n.startsWith("00")) {
            return n.length() > 4 && n.substring(n.startsWith("+") ? 1 : 2).matches("\\d{4,}")
                    ? NumberCategory.INTERNATIONAL : NumberCategory.UNKNOWN;
        }
        if (!n.matches("\\d+")) {
            return NumberCategory.UNKNOWN;
        }
        if (CARRIER_PREFIX.matcher(n).matches()) {
            return NumberCategory.CARRIER_PREFIX;
        }
        if (MOBILE.matcher(n).matches()) {
            return NumberCategory.MOBILE;
        }
        if (PREMIUM.matcher(n).matches()) {
            return NumberCategory.PREMIUM;
        }
        if (SERVICE_SHORT.matcher(n).matches() || BUSINESS.matcher(n).matches()) {
            return NumberCategory.SERVICE;
        }
        if (TRUNK_LANDLINE.matcher(n).matches() || LOCAL_LANDLINE.matcher(n).matches()) {
            return NumberCategory.LANDLINE;
        }
        return NumberCategory.UNKNOWN;
    }
}
