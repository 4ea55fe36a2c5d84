package dev.pgreach.privatelink.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** "Did you mean": the known names closest to a name that matched none. */
final class Suggestions {
  /** The most suggestions given. */
  static final int MAX = 3;

  private Suggestions() {}

  /**
   * Returns the known names close to a wanted one, closest first: those within an edit distance of
   * a third of the longer name (at least 2), or that one contains the other, ignoring case.
   *
   * @param wanted the name given
   * @param known the names that exist
   * @return at most {@link #MAX} names, closest first, ties in alphabetical order
   */
  static List<String> closest(String wanted, Collection<String> known) {
    String w = wanted.toLowerCase(Locale.ROOT);
    return known.stream()
        .distinct()
        .filter(k -> close(w, k.toLowerCase(Locale.ROOT)))
        .sorted(Comparator.comparingInt((String k) -> distance(w, k.toLowerCase(Locale.ROOT))).thenComparing(Comparator.naturalOrder()))
        .limit(MAX)
        .collect(Collectors.toList());
  }

  /**
   * Returns the sentence that suggests names, or an empty string when none is close.
   *
   * @param wanted the name given
   * @param known the names that exist
   * @return {@code "; did you mean a or b?"}, or empty
   */
  static String didYouMean(String wanted, Collection<String> known) {
    List<String> c = closest(wanted, known);
    if (c.isEmpty()) {
      return "";
    }
    return "; did you mean " + String.join(" or ", c) + "?";
  }

  private static boolean close(String w, String k) {
    if (w.isEmpty() || k.isEmpty()) {
      return false;
    }
    if (k.contains(w) || w.contains(k)) {
      return true;
    }
    return distance(w, k) <= Math.max(2, Math.max(w.length(), k.length()) / 3);
  }

  /** The Levenshtein distance: insertions, deletions and substitutions of one character. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
