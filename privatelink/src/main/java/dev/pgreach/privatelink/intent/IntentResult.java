package dev.pgreach.privatelink.intent;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;

/**
 * How one intent fares against an estate.
 *
 * @param intent the intent
 * @param violations the ways it is broken for certain
 * @param undecided the ways it may be broken, depending on what the input does not show or on a
 *     change still propagating; each counterexample's trace names what is missing
 */
public record IntentResult(Intent intent, ImmutableList<Violation> violations, ImmutableList<Violation> undecided) {
  /**
   * Checks the components.
   *
   * @param intent the intent
   * @param violations the ways it is broken for certain
   * @param undecided the ways it may be broken
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null component
   */
  public IntentResult {
    if (intent == null || violations == null || undecided == null) {
      throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "IntentResult components must not be null");
    }
  }

  /**
   * Returns the intent.
   *
   * @return the intent
   */
  @Override
  public Intent intent() {
    return intent;
  }

  /**
   * Returns the ways the intent is broken for certain.
   *
   * @return the ways the intent is broken for certain
   */
  @Override
  public ImmutableList<Violation> violations() {
    return violations;
  }

  /**
   * Returns the ways the intent may be broken, depending on what the input does not show.
   *
   * @return the ways the intent may be broken, depending on what the input does not show
   */
  @Override
  public ImmutableList<Violation> undecided() {
    return undecided;
  }

  /**
   * Returns the verdict: violated when something breaks the intent for certain, indeterminate when
   * something only may, satisfied otherwise.
   *
   * @return the status
   */
  public IntentStatus status() {
    if (!violations.isEmpty()) {
      return IntentStatus.VIOLATED;
    }
    return undecided.isEmpty() ? IntentStatus.SATISFIED : IntentStatus.INDETERMINATE;
  }

  /**
   * Renders the result for people: the status and the intent, then each violation and each
   * undecided flow.
   *
   * @return several lines of text
   */
  public String explanation() {
    StringBuilder s = new StringBuilder().append(status()).append(": ").append(intent.describe());
    for (Violation v : violations) {
      s.append("\n  - ").append(v.explanation().replace("\n", "\n    "));
    }
    for (Violation v : undecided) {
      s.append("\n  ? ").append(v.explanation().replace("\n", "\n    "));
    }
    return s.toString();
  }
}
