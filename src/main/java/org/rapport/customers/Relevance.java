package org.rapport.customers;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * How well a record found by the index answers a query, from 0 to 1: a title word starting with the query ranks
 * first, then the query anywhere in the record's names, emails and phones, then close spellings. Trigrams find
 * candidates but rank swapped letters poorly ("jonh" is nearer "jon" than "john" for them), so close spellings are
 * also measured word by word with the optimal string alignment distance, where a swap costs one edit.
 */
public final class Relevance {

    static final double CLOSE_ENOUGH = 0.6;
    private static final double PREFIX_OF_WORD_DISCOUNT = 0.9;

    private Relevance() {
    }

    /** Empty when the record is only a loose trigram match, not worth showing. */
    public static OptionalDouble of(String key, String titleKey, boolean substring, double wordSimilarity) {
        if (startsAWord(titleKey, key)) {
            return OptionalDouble.of(0.9 + 0.1 * key.length() / Math.max(key.length(), titleKey.length()));
        }
        if (substring) {
            return OptionalDouble.of(0.85);
        }
        double closeness = Math.max(wordSimilarity, spellingSimilarity(key, titleKey));
        return closeness < CLOSE_ENOUGH ? OptionalDouble.empty() : OptionalDouble.of(0.8 * closeness);
    }

    static boolean startsAWord(String text, String prefix) {
        for (int at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
            if (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The mean, over the query's words, of each word's best similarity to a word of the title; the last query word
     * may still be being typed, so it is also compared with the start of each title word.
     */
    static double spellingSimilarity(String query, String title) {
        String[] queryWords = words(query);
        String[] titleWords = words(title);
        if (queryWords.length == 0 || titleWords.length == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < queryWords.length; i++) {
            String word = queryWords[i];
            boolean last = i == queryWords.length - 1;
            double best = 0;
            for (String candidate : titleWords) {
                best = Math.max(best, similarity(word, candidate));
                if (last && candidate.length() > word.length()) {
                    best = Math.max(best,
                            PREFIX_OF_WORD_DISCOUNT * similarity(word, candidate.substring(0, word.length())));
                }
            }
            sum += best;
        }
        return sum / queryWords.length;
    }

    private static double similarity(String a, String b) {
        return 1.0 - (double) distance(a, b) / Math.max(a.length(), b.length());
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String[] words(String text) {
        return Arrays.stream(text.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toArray(String[]::new);
    }
}
