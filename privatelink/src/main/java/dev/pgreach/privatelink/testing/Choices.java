package dev.pgreach.privatelink.testing;

import java.util.List;

/**
 * A tape of choices jqwik draws, read from the start: each decision of the estate generator takes
 * the next number. When the tape runs out every further decision is 0, the simplest choice, so a
 * shorter tape or smaller numbers give a simpler estate; that is what lets jqwik's list shrinking
 * shrink the whole estate.
 *
 * <p>Every decision is written so that 0 means "leave it out" or "the plainest kind".
 */
final class Choices {
  /** Numbers on the tape are below this bound. */
  static final int BOUND = 10_000;

  private final List<Integer> tape;
  private int next;

  Choices(List<Integer> tape) {
    this.tape = tape;
  }

  /**
   * Returns the next choice among {@code count} alternatives, 0 when the tape is used up.
   *
   * @param count how many alternatives, at least 1
   * @return a number from 0 to {@code count - 1}
   */
  int of(int count) {
    if (next >= tape.size() || count <= 1) {
      next++;
      return 0;
    }
    return tape.get(next++) % count;
  }

  /**
   * Decides something that happens with the given chance; 0 on the tape means it does not.
   *
   * @param percent the chance, 0 to 100
   * @return whether it happens
   */
  boolean chance(int percent) {
    if (next >= tape.size()) {
      next++;
      return false;
    }
    int v = tape.get(next++) % 100;
    return v != 0 && v >= 100 - percent;
  }

  /**
   * Returns one of the elements, the first when the tape is used up.
   *
   * @param <T> the element type
   * @param elements a non-empty list
   * @return an element
   */
  <T> T pick(List<T> elements) {
    return elements.get(of(elements.size()));
  }
}
