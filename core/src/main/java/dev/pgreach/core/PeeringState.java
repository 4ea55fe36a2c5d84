package dev.pgreach.core;

import java.util.Locale;
import java.util.Optional;

/**
 * A peering link's state as ARM reports it ({@code peeringState}): Initiated until the reverse
 * link exists, Connected once both do, Disconnected after the reverse link is deleted. Only a
 * Connected peering carries traffic.
 */
public enum PeeringState {
  /** The reverse link does not exist yet: no traffic. */
  INITIATED("Initiated"),
  /** Both links exist: traffic flows as the flags allow. */
  CONNECTED("Connected"),
  /** The reverse link was deleted: no traffic until the peering is recreated. */
  DISCONNECTED("Disconnected");

  private final String armName;

  PeeringState(String armName) {
    this.armName = armName;
  }

  /**
   * Returns the value ARM writes, such as {@code Connected}.
   *
   * @return the ARM spelling
   */
  public String armName() {
    return armName;
  }

  /**
   * Finds a state by its ARM spelling, ignoring case.
   *
   * @param text such as {@code Initiated}
   * @return the state, or empty
   */
  public static Optional<PeeringState> fromArmName(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.toLowerCase(Locale.ROOT);
    for (PeeringState s : values()) {
      if (s.armName.toLowerCase(Locale.ROOT).equals(t)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
