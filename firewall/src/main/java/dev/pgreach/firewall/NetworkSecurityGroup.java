package dev.pgreach.firewall;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ResourceId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A network security group: security rules that filter traffic into and out of the subnets and
 * network interfaces it is associated with.
 *
 * <p>Every group also has Azure's six default rules, which cannot be removed but can be
 * overridden by rules of higher priority ({@link #DEFAULT_SECURITY_RULES}): inbound {@code
 * AllowVnetInBound} (65000, VirtualNetwork to VirtualNetwork), {@code
 * AllowAzureLoadBalancerInBound} (65001) and {@code DenyAllInBound} (65500); outbound {@code
 * AllowVnetOutBound} (65000), {@code AllowInternetOutBound} (65001, to Internet) and {@code
 * DenyAllOutBound} (65500).
 *
 * <p>Checked when the group is built: user rules have priorities 100 to 4096, no two rules of one
 * direction share a priority ({@link ErrorCode#DUPLICATE_PRIORITY}), and rule names are unique,
 * ignoring case ({@link ErrorCode#DUPLICATE_RESOURCE}).
 *
 * <pre>{@code
 * NetworkSecurityGroup nsg = NetworkSecurityGroup.builder()
 *     .id(ResourceId.of(subscription, "net", NetworkSecurityGroup.RESOURCE_TYPE, "db-nsg"))
 *     .addSecurityRules(allowPostgres)
 *     .build();
 * nsg.rules(SecurityRuleDirection.INBOUND);   // allow-postgres, then the three inbound defaults
 * }</pre>
 */
@Value.Immutable
public abstract class NetworkSecurityGroup {
  /** The ARM type of a network security group id. */
  public static final String RESOURCE_TYPE = "Microsoft.Network/networkSecurityGroups";

  /** Azure's six default rules, inbound then outbound, each in priority order. */
  public static final ImmutableList<SecurityRule> DEFAULT_SECURITY_RULES =
      ImmutableList.of(
          defaultRule("AllowVnetInBound", 65000, SecurityRuleDirection.INBOUND, SecurityRuleAccess.ALLOW, SecurityRuleAddress.VIRTUAL_NETWORK, SecurityRuleAddress.VIRTUAL_NETWORK),
          defaultRule("AllowAzureLoadBalancerInBound", 65001, SecurityRuleDirection.INBOUND, SecurityRuleAccess.ALLOW, SecurityRuleAddress.AZURE_LOAD_BALANCER, SecurityRuleAddress.ANY),
          defaultRule("DenyAllInBound", 65500, SecurityRuleDirection.INBOUND, SecurityRuleAccess.DENY, SecurityRuleAddress.ANY, SecurityRuleAddress.ANY),
          defaultRule("AllowVnetOutBound", 65000, SecurityRuleDirection.OUTBOUND, SecurityRuleAccess.ALLOW, SecurityRuleAddress.VIRTUAL_NETWORK, SecurityRuleAddress.VIRTUAL_NETWORK),
          defaultRule("AllowInternetOutBound", 65001, SecurityRuleDirection.OUTBOUND, SecurityRuleAccess.ALLOW, SecurityRuleAddress.ANY, SecurityRuleAddress.INTERNET),
          defaultRule("DenyAllOutBound", 65500, SecurityRuleDirection.OUTBOUND, SecurityRuleAccess.DENY, SecurityRuleAddress.ANY, SecurityRuleAddress.ANY));

  NetworkSecurityGroup() {}

  private static SecurityRule defaultRule(
      String name,
      int priority,
      SecurityRuleDirection direction,
      SecurityRuleAccess access,
      SecurityRuleAddress source,
      SecurityRuleAddress destination) {
    return SecurityRule.builder()
        .name(name)
        .priority(priority)
        .direction(direction)
        .access(access)
        .protocol(SecurityRuleProtocol.ANY)
        .addSourceAddressPrefixes(source)
        .addSourcePortRanges(PortRange.ANY)
        .addDestinationAddressPrefixes(destination)
        .addDestinationPortRanges(PortRange.ANY)
        .build();
  }

  /**
   * Returns the group's id.
   *
   * @return the id
   */
  public abstract ResourceId id();

  /**
   * Returns the group's name.
   *
   * @return the last segment of the id
   */
  public final String name() {
    return id().name();
  }

  /**
   * Returns the user rules ({@code securityRules}), in the order given.
   *
   * @return the rules, without the defaults
   */
  public abstract ImmutableList<SecurityRule> securityRules();

  /**
   * Returns the rules of one direction in evaluation order: user rules by priority, then the
   * three default rules of that direction.
   *
   * @param direction the direction
   * @return the rules, lowest priority number first
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null direction
   */
  public final ImmutableList<SecurityRule> rules(SecurityRuleDirection direction) {
    Names.notNull(direction, "NetworkSecurityGroup.rules.direction");
    ImmutableList.Builder<SecurityRule> b = ImmutableList.builder();
    securityRules().stream()
        .filter(r -> r.direction() == direction)
        .sorted(Comparator.comparingInt(SecurityRule::priority))
        .forEach(b::add);
    DEFAULT_SECURITY_RULES.stream().filter(r -> r.direction() == direction).forEach(b::add);
    return b.build();
  }

  /**
   * Returns the rule with this name, user or default, ignoring case.
   *
   * @param name the name
   * @return the rule, or empty
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null name
   */
  public final Optional<SecurityRule> rule(String name) {
    Names.notNull(name, "NetworkSecurityGroup.rule.name");
    return securityRules().stream()
        .filter(r -> r.name().equalsIgnoreCase(name))
        .findFirst()
        .or(() -> DEFAULT_SECURITY_RULES.stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst());
  }

  /**
   * Returns the resource id of one of this group's rules: {@code <group>/securityRules/<name>}
   * for user rules, {@code <group>/defaultSecurityRules/<name>} for default rules.
   *
   * @param rule a rule of this group
   * @return its id
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null rule
   */
  public final ResourceId ruleId(SecurityRule rule) {
    Names.notNull(rule, "NetworkSecurityGroup.ruleId.rule");
    return id().child(rule.isDefault() ? "defaultSecurityRules" : "securityRules", rule.name());
  }

  @Value.Check
  final void check() {
    id().requireType(RESOURCE_TYPE, "NetworkSecurityGroup.id");
    Map<String, SecurityRule> byPriority = new HashMap<>();
    Map<String, SecurityRule> byName = new HashMap<>();
    for (SecurityRule r : securityRules()) {
      if (r.isDefault()) {
        throw PgreachException.of(
            ErrorCode.INVALID_SECURITY_RULE,
            "NetworkSecurityGroup[%s].securityRules[%s].priority (%d) must be between 100 and 4096; default rules are always present",
            name(),
            r.name(),
            r.priority());
      }
      SecurityRule samePriority = byPriority.put(r.direction() + "/" + r.priority(), r);
      if (samePriority != null) {
        throw PgreachException.of(
            ErrorCode.DUPLICATE_PRIORITY,
            "NetworkSecurityGroup[%s].securityRules[%s].priority (%d) is already used by %s rule %s",
            name(),
            r.name(),
            r.priority(),
            r.direction().azureName(),
            samePriority.name());
      }
      if (byName.put(Names.key(r.name()), r) != null) {
        throw PgreachException.of(
            ErrorCode.DUPLICATE_RESOURCE,
            "NetworkSecurityGroup[%s].securityRules[%s].name (\"%s\") is used by two rules",
            name(),
            r.name(),
            r.name());
      }
    }
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link NetworkSecurityGroup}s. */
  public static final class Builder extends ImmutableNetworkSecurityGroup.Builder {
    Builder() {}
  }
}
