package dev.pgreach.core;

/**
 * The outcome of a question about a flow: may this traffic pass?
 *
 * <p>pgreach fails closed: whatever the model does not know is {@link #BLOCKED} or {@link
 * #INDETERMINATE}, never {@link #ALLOWED}.
 */
public enum Disposition {
  /** Every step let the flow through (for a connection: the client can open a session). */
  ALLOWED,
  /** A step stopped the flow; the verdict names that step and its reason code. */
  BLOCKED,
  /**
   * No step stopped the flow, but at least one depends on something that cannot be known from
   * the model (a firewall change still propagating, an unknown service tag, an unknown source
   * address).
   */
  INDETERMINATE
}
