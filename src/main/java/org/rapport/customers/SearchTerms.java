package org.rapport.customers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.rapport.platform.Sql;

/**
 * What one query looks for, in the shapes the trigram index serves: the search key (lower-cased and unaccented by
 * the database) as a substring, a phone number's digits as a substring, and the key's words each close to some
 * word of the record. A pattern is null, and the word list empty, when the query gives the index nothing to use.
 * {@code spellings} holds, for each word, the known words one typo away from it (see {@link SearchWords}), or is
 * empty when they were not looked up. Other modules searching their own records get it from
 * {@link CustomerSearch#prepare}.
 */
public record SearchTerms(String key, List<String> words, String contains, String digits,
                          List<List<String>> spellings) {

    /** With this word similarity a word of four letters may have two of them swapped or wrong ("jonh", "john"). */
    static final double TYPO_TOLERANT = 0.3;
    /** With this one a word of one to three letters matches the start of a word. */
    static final double WORD_START = 0.5;

    private static final int MAX_WORDS = 6;
    private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern THREE_ALNUM = Pattern.compile("[\\p{L}\\p{N}]{3}");
    private static final Pattern PHONE_LIKE = Pattern.compile("[0-9+()./\\-\\s]+");
    private static final int MIN_PHONE_DIGITS = 5;

    static SearchTerms of(String query, String key) {
        boolean shortWordsOnly = threshold(query) == WORD_START;
        List<String> words = words(key).stream().filter(w -> shortWordsOnly || w.length() >= 3).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).limit(MAX_WORDS).toList();
        String contains = THREE_ALNUM.matcher(key).find() ? "%" + Sql.escapeLike(key) + "%" : null;
        return new SearchTerms(key, words, contains, phoneDigits(query), List.of());
    }

    /** These terms with, for each word, the known words one typo away from it. */
    SearchTerms withSpellings(List<List<String>> spellings) {
        return new SearchTerms(key, words, contains, digits, List.copyOf(spellings));
    }

    /** Whether a typo in the words can be corrected: some word is longer than the short ones matched as starts. */
    boolean correctable() {
        return words.stream().anyMatch(w -> w.length() > 3);
    }

    /**
     * The word similarity each word must reach. While every word is short only the starts of words can match;
     * otherwise the short words are left out of the match (they still count in the ranking) and the longer ones
     * tolerate typos.
     */
    static double threshold(String query) {
        return words(query).stream().allMatch(w -> w.length() <= 3) ? WORD_START : TYPO_TOLERANT;
    }

    public boolean searchable() {
        return !words.isEmpty() || contains != null || digits != null;
    }

    /**
     * The conditions these terms put on a trigram-indexed text expression, for a search query of any record type:
     * {@code matches} finds a record (the key or a phone number's digits as a substring, or with {@code fuzzy} every
     * word close to some word of the text), and {@code substring} tells whether it was found as a substring. Both
     * take the named parameters in {@code params}, which also hold {@code :key} for ranking by
     * {@code word_similarity(:key, text)}; {@code matches} is null when the terms give the index nothing to use.
     * A word is close when the text holds one of its known spellings; when some word has none (more than one typo,
     * or a word no record has), every word is matched by trigram word similarity instead, the broader and slower way.
     */
    public Conditions conditions(String text, boolean fuzzy) {
        Map<String, Object> params = new HashMap<>();
        params.put("key", key);
        List<String> substrings = new ArrayList<>();
        if (contains != null) {
            substrings.add(text + " like :contains");
            params.put("contains", contains);
        }
        if (digits != null) {
            substrings.add(text + " like :digits");
            params.put("digits", digits);
        }
        List<String> match = new ArrayList<>(substrings);
        if (fuzzy && !words.isEmpty()) {
            List<String> close = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                if (spelled()) {
                    List<String> spelling = new ArrayList<>();
                    for (int j = 0; j < spellings.get(i).size(); j++) {
                        spelling.add(text + " like :spelling" + i + "_" + j);
                        params.put("spelling" + i + "_" + j, "%" + Sql.escapeLike(spellings.get(i).get(j)) + "%");
                    }
                    close.add("(" + String.join(" or ", spelling) + ")");
                } else {
                    close.add(":word" + i + " <% " + text);
                    params.put("word" + i, words.get(i));
                }
            }
            match.add("(" + String.join(" and ", close) + ")");
        }
        return new Conditions(match.isEmpty() ? null : "(" + String.join(" or ", match) + ")",
                substrings.isEmpty() ? "false" : "(" + String.join(" or ", substrings) + ")", params);
    }

    /** SQL conditions of a search over one text expression, with their parameters. */
    public record Conditions(String matches, String substring, Map<String, Object> params) {
    }

    /**
     * Runs a search query for substrings only, then, when they do not fill the page, again with close spellings:
     * those always rank below substrings, and the fuzzy query is the broader and costlier one.
     */
    public static <T> List<T> substringsFirst(int limit, Function<Boolean, List<T>> query) {
        List<T> substrings = query.apply(false);
        return substrings.size() >= limit ? substrings : query.apply(true);
    }

    /** Whether every word has a known spelling one typo away, so that records are found by those spellings. */
    private boolean spelled() {
        return spellings.size() == words.size() && spellings.stream().noneMatch(List::isEmpty);
    }

    boolean hasSubstrings() {
        return contains != null || digits != null;
    }

    private static List<String> words(String text) {
        return Arrays.stream(NOT_ALNUM.split(text)).filter(w -> !w.isEmpty()).toList();
    }

    /**
     * A phone number typed in any format becomes its digits without the leading zeros of a trunk or international
     * prefix, so "(415) 555-2671", "0049 30 1234567" and "030 1234567" all match the stored E.164 number.
     */
    private static String phoneDigits(String query) {
        if (!PHONE_LIKE.matcher(query).matches()) {
            return null;
        }
        String digits = query.replaceAll("\\D", "").replaceFirst("^0+", "");
        return digits.length() >= MIN_PHONE_DIGITS ? "%" + digits + "%" : null;
    }
}
