package dev.pgreach.firewall;

/** What a security rule does with the traffic it matches. */
public enum SecurityRuleAccess {
  /** The traffic passes this network security group; evaluation stops. */
  ALLOW,
  /** The traffic is dropped; evaluation stops. */
  DENY;

  /**
   * Returns Azure's spelling, {@code Allow} or {@code Deny}.
   *
   * @return the name used in ARM
   */
  public String azureName() {
    return this == ALLOW ? "Allow" : "Deny";
  }
}
