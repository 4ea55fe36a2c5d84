package dev.pgreach.core;

/** What one step of a trace did to the flow or question it examined. */
public enum StepEffect {
  /** The step let the flow continue. */
  PASSED,
  /** The step stopped the flow; it is the last step of a blocked trace. */
  BLOCKED,
  /** The step cannot be decided from the model; the answer is indeterminate unless a later step blocks. */
  UNKNOWN,
  /** The step records a fact or a warning without deciding anything. */
  NOTE
}
