package dev.pgreach.core;

/**
 * One decision in the trace of an answer: a zone looked up, a CNAME followed, a peering crossed, a
 * rule matched, an endpoint's state checked.
 *
 * <p>Each module defines its steps as records of a sealed interface extending this one ({@link
 * RouteStep} here), holding the resource examined and structured facts. {@link #reason()} renders
 * a sentence for people; programs use {@link #code()} and the record's fields.
 */
public interface Step {
  /**
   * Returns the stable reason code of this step.
   *
   * @return the code
   */
  ReasonCode code();

  /**
   * Returns what the step did to the flow.
   *
   * @return the effect
   */
  StepEffect effect();

  /**
   * Returns the resource or place this step examined, as text (usually a resource id or name).
   *
   * @return the subject
   */
  String subject();

  /**
   * Returns a sentence explaining the step, for people to read. Its wording may change; do not
   * parse it.
   *
   * @return the sentence
   */
  String reason();
}
