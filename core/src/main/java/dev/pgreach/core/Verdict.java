package dev.pgreach.core;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * The answer to a flow question: a {@link Disposition} and the ordered steps that led to it.
 *
 * <p>The disposition is derived from the steps, so a verdict can never disagree with its own
 * trace: {@link Disposition#BLOCKED} when a step blocked (it must be the last step, since
 * evaluation stops there), otherwise {@link Disposition#INDETERMINATE} when a step was unknown,
 * otherwise {@link Disposition#ALLOWED}. A trace with no deciding step at all is rejected: nothing
 * is allowed by default.
 *
 * <pre>{@code
 * Verdict v = Verdict.of(steps);
 * if (v.disposition() == Disposition.BLOCKED) {
 *   System.out.println(v.blockingStep().get().reason());
 * }
 * }</pre>
 */
public final class Verdict {
  private final Disposition disposition;
  private final ImmutableList<Step> steps;

  private Verdict(Disposition disposition, ImmutableList<Step> steps) {
    this.disposition = disposition;
    this.steps = steps;
  }

  /**
   * Builds the verdict of a trace.
   *
   * @param steps the steps in order; at least one must be {@link StepEffect#PASSED}, {@link
   *     StepEffect#BLOCKED} or {@link StepEffect#UNKNOWN}
   * @return the verdict
   * @throws IllegalArgumentException when a blocking step is not the last step, or when no step
   *     decides anything (a programming error inside pgreach, never a user error)
   */
  public static Verdict of(List<? extends Step> steps) {
    ImmutableList<Step> copy = ImmutableList.copyOf(steps);
    boolean decided = false;
    boolean unknown = false;
    for (int i = 0; i < copy.size(); i++) {
      Step s = requireNonNull(copy.get(i), "step");
      switch (s.effect()) {
        case BLOCKED:
          if (i != copy.size() - 1) {
            throw new IllegalArgumentException(
                "a blocking step must end the trace, but " + s.code() + " is followed by " + copy.get(i + 1).code());
          }
          return new Verdict(Disposition.BLOCKED, copy);
        case UNKNOWN:
          unknown = true;
          decided = true;
          break;
        case PASSED:
          decided = true;
          break;
        case NOTE:
          break;
      }
    }
    if (!decided) {
      throw new IllegalArgumentException("a verdict needs at least one deciding step, got " + copy);
    }
    return new Verdict(unknown ? Disposition.INDETERMINATE : Disposition.ALLOWED, copy);
  }

  /**
   * Returns the outcome.
   *
   * @return the disposition derived from the steps
   */
  public Disposition disposition() {
    return disposition;
  }

  /**
   * Returns the steps in the order they were taken.
   *
   * @return the trace
   */
  public ImmutableList<Step> steps() {
    return steps;
  }

  /**
   * Returns the step that blocked the flow.
   *
   * @return the last step when the verdict is blocked, else empty
   */
  public Optional<Step> blockingStep() {
    return disposition == Disposition.BLOCKED ? Optional.of(steps.get(steps.size() - 1)) : Optional.empty();
  }

  /**
   * Returns the steps that could not be decided.
   *
   * @return the unknown steps, in order; empty unless some step was unknown
   */
  public ImmutableList<Step> unknownSteps() {
    return steps.stream().filter(s -> s.effect() == StepEffect.UNKNOWN).collect(ImmutableList.toImmutableList());
  }

  /**
   * Tells whether the flow is allowed.
   *
   * @return whether the disposition is {@link Disposition#ALLOWED}
   */
  public boolean isAllowed() {
    return disposition == Disposition.ALLOWED;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Verdict
        && ((Verdict) other).disposition == disposition
        && ((Verdict) other).steps.equals(steps);
  }

  @Override
  public int hashCode() {
    return disposition.hashCode() * 31 + steps.hashCode();
  }

  /** Returns the disposition followed by one line per step. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(disposition.name());
    int n = 1;
    for (Step step : steps) {
      s.append('\n')
          .append("  ")
          .append(n++)
          .append(". [")
          .append(step.code())
          .append("] ")
          .append(step.reason());
    }
    return s.toString();
  }
}
