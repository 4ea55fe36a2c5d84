package dev.pgreach.firewall;

/** The direction of traffic a security rule filters, as seen from the subnet or network interface. */
public enum SecurityRuleDirection {
  /** Traffic entering the subnet or network interface. */
  INBOUND,
  /** Traffic leaving the subnet or network interface. */
  OUTBOUND;

  /**
   * Returns Azure's spelling, {@code Inbound} or {@code Outbound}.
   *
   * @return the name used in ARM
   */
  public String azureName() {
    return this == INBOUND ? "Inbound" : "Outbound";
  }
}
