package org.kefu.banking;

/**
 * Card and account numbers as Kefu may keep them outside the ledger (issue 14 item 10): the first
 * four and the last four characters, the rest starred ({@code 6222020000001234} is stored as
 * {@code 6222********1234}). Enough for a person to recognise the card, useless to charge it.
 */
public final class CardNumbers {

    private CardNumbers() {
    }

    /** The masked form; null stays null, eight characters or fewer become {@code ****}. */
    public static String mask(String number) {
        if (number == null) {
            return null;
        }
        return number.length() <= 8 ? "****"
                : number.substring(0, 4) + "*".repeat(number.length() - 8) + number.substring(number.length() - 4);
    }
}
