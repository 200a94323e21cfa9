package org.rapport.customers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dictionary of the words records are found by ({@code search_words}, kept by triggers on the searchable
 * tables): the known spellings within one typo of a typed word, and the removal of words no record has any more.
 */
@Repository
class SearchWords {

    /** Known spellings kept per typed word; a short word may be one typo away from dozens of others. */
    static final int MAX_SPELLINGS = 20;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final JdbcClient jdbc;

    SearchWords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * For each of {@code words} (search keys: lower-case, unaccented), the words of the dictionary at most one typo
     * away from it: itself, or with one letter missing, extra or wrong, or two neighbouring letters swapped. The word
     * itself comes first, then the others alphabetically, at most {@value #MAX_SPELLINGS}; an empty list when no
     * record has a word like it.
     */
    List<List<String>> spellings(List<String> words) {
        List<Set<String>> candidates = words.stream().map(SearchWords::oneTypoAway).toList();
        Set<String> all = new HashSet<>();
        candidates.forEach(all::addAll);
        Set<String> known = new HashSet<>(jdbc.sql("select word from search_words where word = any(:words)")
                .param("words", all.toArray(String[]::new)).query(String.class).list());
        List<List<String>> spellings = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            spellings.add(candidates.get(i).stream().filter(known::contains)
                    .sorted((a, b) -> a.equals(word) ? -1 : b.equals(word) ? 1 : a.compareTo(b))
                    .limit(MAX_SPELLINGS).toList());
        }
        return spellings;
    }

    /**
     * Removes the words of {@code searchText} (an erased record's former search key) that no searchable record
     * still has, so that an erased person's name leaves the dictionary with them.
     */
    void forget(String searchText) {
        jdbc.sql("""
                delete from search_words s
                where s.word in (select rapport_search_words(:text))
                  and not exists (select 1 from contacts c
                                  where c.search_text like '%' || s.word || '%' and c.erased_at is null)
                  and not exists (select 1 from accounts a where a.search_text like '%' || s.word || '%')
                  and not exists (select 1 from leads l
                                  where l.search_text like '%' || s.word || '%' and l.status <> 'CONVERTED')
                  and not exists (select 1 from deals d where d.search_text like '%' || s.word || '%')
                """).param("text", searchText).update();
    }

    /** Removes the words no searchable record has any more (those of deleted and renamed records); returns how many. */
    int prune() {
        return jdbc.sql("""
                delete from search_words
                where word in (select word from search_words except select rapport_searched_words())
                """).update();
    }

    /** The word and every string one typo away from it, over {@link #ALPHABET} and the word's own letters. */
    static Set<String> oneTypoAway(String word) {
        int[] w = word.codePoints().toArray();
        int n = w.length;
        Set<Integer> alphabet = new LinkedHashSet<>();
        ALPHABET.codePoints().forEach(alphabet::add);
        Arrays.stream(w).forEach(alphabet::add);
        Set<String> variants = new LinkedHashSet<>();
        variants.add(word);
        for (int i = 0; i <= n; i++) {
            String head = new String(w, 0, i);
            if (i < n) {
                String rest = new String(w, i + 1, n - i - 1);
                variants.add(head + rest);
                for (int letter : alphabet) {
                    variants.add(head + Character.toString(letter) + rest);
                }
            }
            if (i + 1 < n) {
                variants.add(head + Character.toString(w[i + 1]) + Character.toString(w[i])
                        + new String(w, i + 2, n - i - 2));
            }
            String tail = new String(w, i, n - i);
            for (int letter : alphabet) {
                variants.add(head + Character.toString(letter) + tail);
            }
        }
        return variants;
    }
}
