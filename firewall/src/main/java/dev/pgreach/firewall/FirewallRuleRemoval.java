package dev.pgreach.firewall;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Ipv4Range;
import dev.pgreach.core.PgreachException;
import java.time.Instant;

/**
 * A firewall rule that was deleted, or replaced by a rule with another range, at a known instant.
 *
 * <p>A server's firewall may keep honouring a removed range for up to five minutes, so {@link
 * PublicAccess} treats a recent removal as undecided for the addresses it covered.
 *
 * @param name the removed rule's name
 * @param range the range it admitted
 * @param removedAt when it was deleted or replaced
 */
public record FirewallRuleRemoval(String name, Ipv4Range range, Instant removedAt) {
  /** {@return the removed rule's name} */
  public String name() {
    return name;
  }

  /** {@return the range it admitted} */
  public Ipv4Range range() {
    return range;
  }

  /** {@return when it was deleted or replaced} */
  public Instant removedAt() {
    return removedAt;
  }

  /**
   * Checks the components.
   *
   * @param name the removed rule's name
   * @param range the range it admitted
   * @param removedAt when it was deleted or replaced
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null component, {@link
   *     ErrorCode#INVALID_FIREWALL_RULE_NAME} for a name Azure does not accept
   */
  public FirewallRuleRemoval {
    Names.notNull(name, "FirewallRuleRemoval.name");
    Names.notNull(range, "FirewallRuleRemoval[" + name + "].range");
    Names.notNull(removedAt, "FirewallRuleRemoval[" + name + "].removedAt");
    if (!FirewallRule.isValidName(name)) {
      throw PgreachException.of(
          ErrorCode.INVALID_FIREWALL_RULE_NAME,
          "FirewallRuleRemoval[%s].name (\"%s\") must be 3 to 128 characters of 0-9 a-z A-Z - _",
          name,
          name);
    }
  }

  /**
   * Tells whether the removed rule was the "allow Azure services" rule, {@code 0.0.0.0–0.0.0.0}.
   *
   * @return whether the removed range is the single address {@code 0.0.0.0}
   */
  public boolean isAllowAzureServices() {
    return range.equals(Ipv4Range.single(FirewallRule.AZURE_SERVICES_ADDRESS));
  }

  /** Returns {@code name: range (removed at)}. */
  @Override
  public String toString() {
    return name + ": " + range + " (removed " + removedAt + ")";
  }
}
