package dev.pgreach.firewall;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ResourceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * A rule of a {@link NetworkSecurityGroup}: a five-tuple match (source and destination addresses
 * and ports, protocol), a direction, an access, and a priority. Lower priorities are evaluated
 * first; the first rule that matches decides.
 *
 * <p>Checked when the rule is built: the name follows Azure's naming rule for security rules
 * ({@link #isValidName}: 1 to 80 letters, digits, underscores, periods and hyphens, beginning
 * with a letter or digit and ending with a letter, digit or underscore); the priority is 100 to 4096
 * (65000, 65001 and 65500 are reserved for the {@linkplain NetworkSecurityGroup#DEFAULT_SECURITY_RULES
 * default rules}); each side names either address prefixes or application security groups, not
 * both and not neither; each side has at least one port range ({@code *} for every port).
 *
 * <pre>{@code
 * SecurityRule allowPostgres = SecurityRule.builder()
 *     .name("allow-postgres").priority(100)
 *     .direction(SecurityRuleDirection.INBOUND).access(SecurityRuleAccess.ALLOW)
 *     .protocol(SecurityRuleProtocol.TCP)
 *     .addSourceAddressPrefixes(SecurityRuleAddress.parse("10.1.0.0/16"))
 *     .addSourcePortRanges(PortRange.ANY)
 *     .addDestinationAddressPrefixes(SecurityRuleAddress.parse("10.0.1.0/28"))
 *     .addDestinationPortRanges(PortRange.of(5432))
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class SecurityRule {
  /** The lowest (first evaluated) priority a user rule may have. */
  public static final int MIN_PRIORITY = 100;

  /** The highest (last evaluated) priority a user rule may have. */
  public static final int MAX_PRIORITY = 4096;

  /** The ARM type of an application security group id. */
  public static final String APPLICATION_SECURITY_GROUP_TYPE = "Microsoft.Network/applicationSecurityGroups";

  /** The longest rule name Azure accepts. */
  public static final int MAX_NAME_LENGTH = 80;

  /** Azure's rule for security rule names (ASCII letters and digits only). */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?");

  SecurityRule() {}

  /**
   * Returns the rule's name, unique within its network security group.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * Returns the priority: 100 to 4096 for user rules, 65000, 65001 or 65500 for default rules.
   *
   * @return the priority
   */
  public abstract int priority();

  /**
   * Returns the direction of traffic the rule filters.
   *
   * @return the direction
   */
  public abstract SecurityRuleDirection direction();

  /**
   * Returns what the rule does with matching traffic.
   *
   * @return the access
   */
  public abstract SecurityRuleAccess access();

  /**
   * Returns the protocol the rule matches.
   *
   * @return the protocol
   */
  public abstract SecurityRuleProtocol protocol();

  /**
   * Returns the source addresses ({@code sourceAddressPrefix(es)}).
   *
   * @return the sources; empty when the rule uses application security groups
   */
  public abstract ImmutableList<SecurityRuleAddress> sourceAddressPrefixes();

  /**
   * Returns the source application security groups.
   *
   * @return their ids; empty when the rule uses address prefixes
   */
  public abstract ImmutableList<ResourceId> sourceApplicationSecurityGroups();

  /**
   * Returns the source port ranges.
   *
   * @return the ranges; {@link PortRange#ANY} for every port
   */
  public abstract ImmutableList<PortRange> sourcePortRanges();

  /**
   * Returns the destination addresses ({@code destinationAddressPrefix(es)}).
   *
   * @return the destinations; empty when the rule uses application security groups
   */
  public abstract ImmutableList<SecurityRuleAddress> destinationAddressPrefixes();

  /**
   * Returns the destination application security groups.
   *
   * @return their ids; empty when the rule uses address prefixes
   */
  public abstract ImmutableList<ResourceId> destinationApplicationSecurityGroups();

  /**
   * Returns the destination port ranges.
   *
   * @return the ranges; {@link PortRange#ANY} for every port
   */
  public abstract ImmutableList<PortRange> destinationPortRanges();

  /**
   * Returns when the rule was last created or updated, if the caller knows it (as {@link
   * FirewallRule#changedAt()} for firewall rules). Groups are stateful: a session established
   * before that instant was admitted by the rule set in force then, whose version of this rule is
   * not known; a rule without it is taken to be unchanged since before any session asked about.
   *
   * @return the instant of the last change, or empty when not known
   */
  public abstract Optional<Instant> changedAt();

  /**
   * Returns a copy of this rule with another change instant.
   *
   * @param at when the rule was created or changed
   * @return the copy
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null instant
   */
  public final SecurityRule withChangedAt(Instant at) {
    Names.notNull(at, "SecurityRule[" + name() + "].changedAt");
    return builder()
        .name(name())
        .priority(priority())
        .direction(direction())
        .access(access())
        .protocol(protocol())
        .addAllSourceAddressPrefixes(sourceAddressPrefixes())
        .addAllSourceApplicationSecurityGroups(sourceApplicationSecurityGroups())
        .addAllSourcePortRanges(sourcePortRanges())
        .addAllDestinationAddressPrefixes(destinationAddressPrefixes())
        .addAllDestinationApplicationSecurityGroups(destinationApplicationSecurityGroups())
        .addAllDestinationPortRanges(destinationPortRanges())
        .changedAt(at)
        .build();
  }

  /**
   * Tells whether this is one of the six default rules Azure puts in every group.
   *
   * @return whether the priority is 65000 or above
   */
  public final boolean isDefault() {
    return priority() > MAX_PRIORITY;
  }

  /**
   * Tells whether the rule names application security groups on either side.
   *
   * @return whether source or destination application security groups are set
   */
  public final boolean usesApplicationSecurityGroups() {
    return !sourceApplicationSecurityGroups().isEmpty() || !destinationApplicationSecurityGroups().isEmpty();
  }

  /**
   * Tells whether a name follows Azure's rule for security rule names: 1 to 80 characters, only
   * letters, digits, underscores, periods and hyphens, beginning with a letter or digit and ending
   * with a letter, digit or underscore.
   *
   * <pre>{@code
   * SecurityRule.isValidName("allow-postgres");   // true
   * SecurityRule.isValidName("allow/postgres");   // false: '/' is not allowed
   * SecurityRule.isValidName("allow-");           // false: ends with a hyphen
   * }</pre>
   *
   * @param name the candidate; {@code null} gives {@code false}
   * @return whether it is valid
   */
  public static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  @Value.Check
  final void check() {
    if (!isValidName(name())) {
      throw PgreachException.of(
          ErrorCode.INVALID_SECURITY_RULE,
          "SecurityRule[%s].name (\"%s\") must be 1 to 80 letters, digits, '_', '.' or '-', beginning with a letter or digit"
              + " and ending with a letter, digit or '_' (it has %d characters)",
          name(),
          name(),
          name().length());
    }
    int p = priority();
    boolean defaultPriority = p == 65000 || p == 65001 || p == 65500;
    if ((p < MIN_PRIORITY || p > MAX_PRIORITY) && !defaultPriority) {
      throw PgreachException.of(
          ErrorCode.INVALID_SECURITY_RULE, "SecurityRule[%s].priority (%d) must be between 100 and 4096", name(), p);
    }
    side("source", sourceAddressPrefixes(), sourceApplicationSecurityGroups(), sourcePortRanges());
    side("destination", destinationAddressPrefixes(), destinationApplicationSecurityGroups(), destinationPortRanges());
  }

  private void side(String side, List<SecurityRuleAddress> prefixes, List<ResourceId> groups, List<PortRange> ports) {
    if (prefixes.isEmpty() == groups.isEmpty()) {
      throw PgreachException.of(
          ErrorCode.INVALID_SECURITY_RULE,
          "SecurityRule[%s].%sAddressPrefixes (%s) and %sApplicationSecurityGroups (%s): exactly one of them must be set",
          name(),
          side,
          prefixes,
          side,
          groups);
    }
    for (ResourceId g : groups) {
      g.requireType(APPLICATION_SECURITY_GROUP_TYPE, "SecurityRule[" + name() + "]." + side + "ApplicationSecurityGroups");
    }
    if (ports.isEmpty()) {
      throw PgreachException.of(
          ErrorCode.INVALID_SECURITY_RULE,
          "SecurityRule[%s].%sPortRanges ([]) must hold at least one range, * for every port",
          name(),
          side);
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

  /** Returns {@code name (priority, direction, access protocol sources:ports -> destinations:ports)}. */
  @Override
  public String toString() {
    return name()
        + " ("
        + priority()
        + ", "
        + direction().azureName()
        + ", "
        + access().azureName()
        + " "
        + protocol().azureName()
        + " "
        + side(sourceAddressPrefixes(), sourceApplicationSecurityGroups())
        + ":"
        + join(sourcePortRanges())
        + " -> "
        + side(destinationAddressPrefixes(), destinationApplicationSecurityGroups())
        + ":"
        + join(destinationPortRanges())
        + ")";
  }

  private static String side(List<SecurityRuleAddress> prefixes, List<ResourceId> groups) {
    return prefixes.isEmpty()
        ? groups.stream().map(ResourceId::name).collect(Collectors.joining(",", "asg:", ""))
        : join(prefixes);
  }

  private static String join(List<?> items) {
    return items.size() == 1 ? items.get(0).toString() : items.stream().map(Object::toString).collect(Collectors.joining(",", "[", "]"));
  }

  /** Builds {@link SecurityRule}s. */
  public static final class Builder extends ImmutableSecurityRule.Builder {
    Builder() {}
  }
}
