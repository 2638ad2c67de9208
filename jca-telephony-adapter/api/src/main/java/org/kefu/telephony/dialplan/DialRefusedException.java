package org.kefu.telephony.dialplan;

import org.kefu.telephony.TelephonyException;

/** The dial policy refused an outside number: nothing was dialled. */
public class DialRefusedException extends TelephonyException {

    private static final long serialVersionUID = 1L;

    private final NumberCategory category;

    public DialRefusedException(String number, NumberCategory category, String why) {
        super("the dial policy refuses " + number + " (" + category + "): " + why);
        this.category = category;
    }

    public NumberCategory category() {
        return category;
    }
}
