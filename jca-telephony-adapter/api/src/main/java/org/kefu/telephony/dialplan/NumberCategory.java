package org.kefu.telephony.dialplan;

/** What kind of number an outside destination is, as far as what it costs and who may call it. */
public enum NumberCategory {
    /** A mainland mobile number (1[3-9] and 9 digits). */
    MOBILE,
    /** A mainland landline: area code and number, or a local number of 7-8 digits. */
    LANDLINE,
    /** A short service code (110, 12345, 95500, 10086...) or a 400/800 business number. */
    SERVICE,
    /** A premium-rate information service (168 and 160x voice services). */
    PREMIUM,
    /**
     * A number behind a carrier-selection or IP long-distance prefix (17951, 17911, 12593, 10193...):
     * the call goes through a carrier the centre did not choose, at its price.
     */
    CARRIER_PREFIX,
    /** Anything outside mainland China (00 or + and a country code other than 86). */
    INTERNATIONAL,
    /** Not a number of any known form: refused. */
    UNKNOWN;

    /** "MOBILE,LANDLINE" (commas or spaces, any case) → the set; an unknown name is an error naming the known ones. */
    public static java.util.Set<NumberCategory> parseList(String list) {
        java.util.Set<NumberCategory> set = java.util.EnumSet.noneOf(NumberCategory.class);
        for (String name : (list == null ? "" : list).split("[,\\s]+")) {
            if (!name.isBlank()) {
                try {
                    set.add(valueOf(name.trim().toUpperCase(java.util.Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown number category " + name + "; known: "
                            + java.util.Arrays.toString(values()), e);
                }
            }
        }
        return set;
    }
}
