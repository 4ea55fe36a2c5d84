package dev.pgreach.privatelink.intent;

/** How an intent fares against an estate. */
public enum IntentStatus {
  /** Every flow the intent covers behaves as it says. */
  SATISFIED,
  /** At least one flow breaks the intent, for certain. */
  VIOLATED,
  /**
   * No flow breaks the intent for certain, but some would if what the input does not show (or
   * what is still propagating) turned out one way: each such flow is reported as undecided.
   */
  INDETERMINATE
}
