package org.kefu.tickets;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Whether two descriptions say much the same: the share of character pairs (bigrams) they have in
 * common (Jaccard), after case, width, spaces and punctuation are set aside. Character pairs work
 * for Chinese, which has no spaces between words, as well as for English.
 */
final class SimilarText {

    static final double ALIKE = Double.parseDouble(System.getProperty("kefu.tickets.duplicateSimilarity", "0.5"));

    private SimilarText() {
    }

    static boolean alike(String a, String b) {
        return similarity(a, b) >= ALIKE;
    }

    static double similarity(String a, String b) {
        Set<String> x = bigrams(a);
        Set<String> y = bigrams(b);
        if (x.isEmpty() || y.isEmpty()) {
            return x.isEmpty() && y.isEmpty() && normalized(a).equals(normalized(b)) && !normalized(a).isEmpty() ? 1.0 : 0.0;
        }
        Set<String> common = new HashSet<>(x);
        common.retainAll(y);
        Set<String> all = new HashSet<>(x);
        all.addAll(y);
        return (double) common.size() / all.size();
    }

    private static Set<String> bigrams(String text) {
        String s = normalized(text);
        Set<String> pairs = new HashSet<>();
        int[] cps = s.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            pairs.add(new String(cps, i, 2));
        }
        return pairs;
    }

    private static String normalized(String text) {
        if (text == null) {
            return "";
        }
        // NFKC folds full-width letters and digits (Ｂ, ３) into the ordinary ones.
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}\\s]+", "");
    }
}
