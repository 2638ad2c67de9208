package org.kefu.telephony;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * What to play: a list of recorded prompt names (e.g. "your-balance-is", "digit-1", "wan") in a
 * language, in order. Numbers and amounts are turned into such lists by the speaking helpers.
 *
 * @param names    prompt names as the prompt library knows them
 * @param locale   zh-CN or en
 * @param bargeIn  true if a key press stops playback (and counts as input)
 * @param loop     true to repeat until stopped (music on hold)
 */
public record Prompt(List<String> names, Locale locale, boolean bargeIn, boolean loop) implements Serializable {

    public Prompt {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a prompt needs at least one name");
        }
    }

    public static Prompt of(Locale locale, String... names) {
        return new Prompt(List.of(names), locale, true, false);
    }
}
