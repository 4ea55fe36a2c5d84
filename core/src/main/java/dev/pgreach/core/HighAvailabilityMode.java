package dev.pgreach.core;

/** A flexible server's {@code highAvailability.mode}. */
public enum HighAvailabilityMode {
  /** A single instance. */
  DISABLED,
  /** A standby in the same availability zone. */
  SAME_ZONE,
  /** A standby in another availability zone. */
  ZONE_REDUNDANT;

  /**
   * Tells whether a standby exists.
   *
   * @return whether high availability is on
   */
  public boolean isEnabled() {
    return this != DISABLED;
  }
}
