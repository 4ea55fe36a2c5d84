package dev.pgreach.core;

import java.util.Locale;
import java.util.Optional;

/**
 * A flexible server's state, ARM's {@code properties.state}.
 *
 * <p>Only a {@link #READY} server is known to accept connections. A stopped, disabled, dropping or
 * inaccessible server accepts none. A server in transition (starting, updating, restarting,
 * provisioning) may be unavailable for part of it, so an answer that depends on it being up is
 * indeterminate; Azure also refuses control-plane writes to a server that is not Ready (the CLI
 * reports it as busy with other operations).
 */
public enum ServerState {
  /** Running and accepting connections. */
  READY("Ready"),
  /** Being created. */
  PROVISIONING("Provisioning"),
  /** Being started after a stop. */
  STARTING("Starting"),
  /** Being restarted. */
  RESTARTING("Restarting"),
  /** Being changed (scaling, a networking change, a public access toggle …). */
  UPDATING("Updating"),
  /** Being stopped. */
  STOPPING("Stopping"),
  /** Stopped by its owner; it accepts no connection until started. */
  STOPPED("Stopped"),
  /** Disabled (for example, its subscription is disabled); it accepts no connection. */
  DISABLED("Disabled"),
  /** Being deleted. */
  DROPPING("Dropping"),
  /** Its data cannot be reached (for example, a customer-managed key is not accessible). */
  INACCESSIBLE("Inaccessible");

  private final String armName;

  ServerState(String armName) {
    this.armName = armName;
  }

  /**
   * Returns the value ARM writes, such as {@code Ready}.
   *
   * @return the ARM spelling
   */
  public String armName() {
    return armName;
  }

  /**
   * Finds a state by its ARM spelling, ignoring case.
   *
   * @param text such as {@code Stopped}
   * @return the state, or empty
   */
  public static Optional<ServerState> fromArmName(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.toLowerCase(Locale.ROOT);
    for (ServerState s : values()) {
      if (s.armName.toLowerCase(Locale.ROOT).equals(t)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * Tells whether a server in this state accepts connections.
   *
   * @return {@code true} for Ready
   */
  public boolean acceptsConnections() {
    return this == READY;
  }

  /**
   * Tells whether a server in this state accepts no connection at all.
   *
   * @return {@code true} for Stopping, Stopped, Disabled, Dropping and Inaccessible
   */
  public boolean refusesConnections() {
    return this == STOPPING || this == STOPPED || this == DISABLED || this == DROPPING || this == INACCESSIBLE;
  }
}
