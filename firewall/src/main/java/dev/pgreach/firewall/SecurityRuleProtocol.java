package dev.pgreach.firewall;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;

/**
 * The protocol a security rule matches, or the protocol of a {@link Flow}.
 *
 * <p>Only TCP and UDP carry ports: for the other protocols the port ranges of a rule do not
 * constrain a match.
 */
public enum SecurityRuleProtocol {
  /** TCP; PostgreSQL uses it. */
  TCP("Tcp"),
  /** UDP. */
  UDP("Udp"),
  /** ICMP. */
  ICMP("Icmp"),
  /** IPsec Encapsulating Security Payload. */
  ESP("Esp"),
  /** IPsec Authentication Header. */
  AH("Ah"),
  /** Any protocol ({@code *}); only rules use it, never flows. */
  ANY("*");

  private final String azureName;

  SecurityRuleProtocol(String azureName) {
    this.azureName = azureName;
  }

  /**
   * Returns Azure's spelling: {@code Tcp}, {@code Udp}, {@code Icmp}, {@code Esp}, {@code Ah} or
   * {@code *}.
   *
   * @return the name used in ARM
   */
  public String azureName() {
    return azureName;
  }

  /**
   * Tells whether a rule with this protocol matches traffic of the given protocol.
   *
   * @param flowProtocol the traffic's protocol
   * @return whether this is {@link #ANY} or the same protocol
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null protocol
   */
  public boolean matches(SecurityRuleProtocol flowProtocol) {
    Names.notNull(flowProtocol, "SecurityRuleProtocol.matches.flowProtocol");
    return this == ANY || this == flowProtocol;
  }

  /**
   * Tells whether traffic of this protocol has ports.
   *
   * @return true for TCP and UDP
   */
  public boolean hasPorts() {
    return this == TCP || this == UDP;
  }

  /**
   * Parses Azure's spelling, ignoring case; {@code *} and {@code Any} are {@link #ANY}.
   *
   * @param text the protocol
   * @return the protocol
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for {@code null}, {@link
   *     ErrorCode#INVALID_SECURITY_RULE} for anything else
   */
  public static SecurityRuleProtocol parse(String text) {
    Names.notNull(text, "SecurityRuleProtocol.parse.text");
    String t = text.strip();
    if (t.equals("*") || t.equalsIgnoreCase("Any")) {
      return ANY;
    }
    for (SecurityRuleProtocol p : values()) {
      if (p.azureName.equalsIgnoreCase(t)) {
        return p;
      }
    }
    throw PgreachException.of(
        ErrorCode.INVALID_SECURITY_RULE,
        "SecurityRule.protocol (\"%s\") must be one of Tcp, Udp, Icmp, Esp, Ah or *",
        text);
  }
}
