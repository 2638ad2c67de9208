package org.kefu.ivr;

import java.io.Serializable;

/**
 * One element of what a node plays: a recorded prompt by name, or a variable of the call spoken
 * by concatenating number words ({@code {"say":"amount","var":"balance"}}).
 */
public sealed interface PromptItem extends Serializable {

    /** A prompt of the library, e.g. {@code welcome}, {@code your-balance-is}. */
    record Named(String name) implements PromptItem {
    }

    /**
     * A call variable spoken as {@code kind}. When {@code optional}, a missing or empty variable
     * is skipped (lists such as the last five transactions); otherwise a missing variable is an
     * error of the flow and the whole item is skipped with a path note.
     */
    record Say(SayKind kind, String var, boolean optional) implements PromptItem {
    }

    enum SayKind {
        /** A whole number: 1005 一千零五 / one thousand five. */
        NUMBER,
        /** A decimal number: 10.25 十点二五. */
        DECIMAL,
        /** Renminbi: 128.50 一百二十八元五角. */
        AMOUNT,
        /** Digit by digit (accounts, codes, ticket and phone numbers), 1 as 幺 in Mandarin. */
        DIGITS,
        /** An ISO date (2025-03-05): 二零二五年三月五日 / March fifth, twenty twenty-five. */
        DATE;

        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
