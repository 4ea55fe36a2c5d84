package dev.pgreach.firewall;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Range;
import dev.pgreach.core.PgreachException;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A server-level firewall rule of a flexible server with public access: a name and an inclusive
 * IPv4 range from {@link #startIpAddress()} to {@link #endIpAddress()}.
 *
 * <p>Azure's rules, checked when the rule is built:
 *
 * <ul>
 *   <li>the name is 3 to 128 characters of {@code 0-9 a-z A-Z - _} ({@link
 *       ErrorCode#INVALID_FIREWALL_RULE_NAME});
 *   <li>both addresses are IPv4: IPv6 text is refused with {@link ErrorCode#ADDRESS_MUST_BE_IPV4}
 *       ("the IP address should be in IPv4 format");
 *   <li>the end address is not smaller than the start address ({@link
 *       ErrorCode#END_ADDRESS_SMALLER_THAN_START}). A single address is a rule whose start and end
 *       are equal.
 * </ul>
 *
 * <p>Two ranges are special. {@code 0.0.0.0–0.0.0.0} is the "allow public access from any Azure
 * service within Azure" rule: it admits every Azure-allocated address, of any tenant, other
 * customers' included, and nothing else ({@link #isAllowAzureServices()}). {@code
 * 0.0.0.0–255.255.255.255} admits everyone ({@link #isAllowAll()}).
 *
 * <p>{@link #changedAt()} is when the rule was last created or updated, if the caller knows it.
 * Azure documents that a change may take up to five minutes to take effect, so {@link
 * PublicAccess} treats a recent change as undecided where it matters.
 *
 * <pre>{@code
 * FirewallRule office = FirewallRule.of("office", "203.0.113.0", "203.0.113.255");
 * office.range().size();                 // 256
 * FirewallRule.isValidName("my rule");   // false: blanks are not allowed
 * }</pre>
 */
@Value.Immutable
public abstract class FirewallRule {
  /** The address of the "allow Azure services" rule, {@code 0.0.0.0}, as its start and end. */
  public static final Ipv4Address AZURE_SERVICES_ADDRESS = Ipv4Address.MIN;

  private static final Pattern NAME = Pattern.compile("[0-9a-zA-Z_-]{3,128}");

  FirewallRule() {}

  /**
   * Returns the rule's name, unique within its server (ignoring case).
   *
   * @return the name
   */
  public abstract String name();

  /**
   * Returns the first address the rule admits ({@code startIpAddress}).
   *
   * @return the start address
   */
  public abstract Ipv4Address startIpAddress();

  /**
   * Returns the last address the rule admits ({@code endIpAddress}), included.
   *
   * @return the end address
   */
  public abstract Ipv4Address endIpAddress();

  /**
   * Returns when the rule was last created or changed, when known.
   *
   * @return the instant, or empty when the rule is known to have taken effect long ago
   */
  public abstract Optional<Instant> changedAt();

  /**
   * Returns the range the rule admits, for an ordinary rule.
   *
   * @return {@code startIpAddress}–{@code endIpAddress}
   */
  public final Ipv4Range range() {
    return Ipv4Range.of(startIpAddress(), endIpAddress());
  }

  /**
   * Tells whether this is the "allow Azure services" rule, {@code 0.0.0.0–0.0.0.0}, which admits
   * Azure-allocated addresses of every tenant and nothing else.
   *
   * @return whether start and end are both {@code 0.0.0.0}
   */
  public final boolean isAllowAzureServices() {
    return startIpAddress().equals(AZURE_SERVICES_ADDRESS) && endIpAddress().equals(AZURE_SERVICES_ADDRESS);
  }

  /**
   * Tells whether the rule admits every IPv4 address, {@code 0.0.0.0–255.255.255.255}.
   *
   * @return whether the range is everything
   */
  public final boolean isAllowAll() {
    return startIpAddress().equals(Ipv4Address.MIN) && endIpAddress().equals(Ipv4Address.MAX);
  }

  /**
   * Returns a copy of this rule with another change instant.
   *
   * @param at when the rule was created or changed
   * @return the copy
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null instant
   */
  public final FirewallRule withChangedAt(Instant at) {
    Names.notNull(at, "FirewallRule[" + name() + "].changedAt");
    return builder()
        .name(name())
        .startIpAddress(startIpAddress())
        .endIpAddress(endIpAddress())
        .changedAt(at)
        .build();
  }

  /**
   * Tells whether a name follows Azure's rule for firewall rule names: 3 to 128 characters of
   * {@code 0-9 a-z A-Z - _}.
   *
   * @param name the candidate; {@code null} gives {@code false}
   * @return whether it is valid
   */
  public static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /**
   * Returns the rule admitting a range.
   *
   * @param name the rule name
   * @param start the first address
   * @param end the last address
   * @return the rule
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null argument, {@link
   *     ErrorCode#INVALID_FIREWALL_RULE_NAME} for a bad name, {@link
   *     ErrorCode#END_ADDRESS_SMALLER_THAN_START} when {@code end < start}
   */
  public static FirewallRule of(String name, Ipv4Address start, Ipv4Address end) {
    Names.notNull(name, "FirewallRule.name");
    Names.notNull(start, "FirewallRule[" + name + "].startIpAddress");
    Names.notNull(end, "FirewallRule[" + name + "].endIpAddress");
    return builder().name(name).startIpAddress(start).endIpAddress(end).build();
  }

  /**
   * Returns the rule admitting a range.
   *
   * @param name the rule name
   * @param range the addresses to admit
   * @return the rule
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null argument, {@link
   *     ErrorCode#INVALID_FIREWALL_RULE_NAME} for a bad name
   */
  public static FirewallRule of(String name, Ipv4Range range) {
    Names.notNull(name, "FirewallRule.name");
    Names.notNull(range, "FirewallRule[" + name + "].range");
    return of(name, range.first(), range.last());
  }

  /**
   * Returns the rule admitting a range written as Azure writes it, two dotted quads.
   *
   * @param name the rule name
   * @param startIpAddress the first address, such as {@code 203.0.113.0}
   * @param endIpAddress the last address, such as {@code 203.0.113.255}
   * @return the rule
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null argument, {@link
   *     ErrorCode#ADDRESS_MUST_BE_IPV4} for IPv6 text, {@link
   *     ErrorCode#INVALID_IPV4_ADDRESS} for other text that is not a dotted quad, {@link
   *     ErrorCode#INVALID_FIREWALL_RULE_NAME} for a bad name, {@link
   *     ErrorCode#END_ADDRESS_SMALLER_THAN_START} when the end is smaller than the start
   */
  public static FirewallRule of(String name, String startIpAddress, String endIpAddress) {
    Names.notNull(name, "FirewallRule.name");
    return of(
        name,
        parseAddress(name, "startIpAddress", startIpAddress),
        parseAddress(name, "endIpAddress", endIpAddress));
  }

  private static Ipv4Address parseAddress(String name, String field, String text) {
    if (text == null) {
      throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "FirewallRule[%s].%s must not be null", name, field);
    }
    try {
      return Ipv4Address.parse(text);
    } catch (PgreachException e) {
      // Keep core's classification (IPv6 text is ADDRESS_MUST_BE_IPV4, anything else malformed is
      // INVALID_IPV4_ADDRESS) and say which rule and field it was.
      throw PgreachException.of(
          e.code(),
          e.code() == ErrorCode.ADDRESS_MUST_BE_IPV4
              ? "FirewallRule[%s].%s (\"%s\") must be an IPv4 address, such as 12.12.12.12; IPv6 is not supported"
              : "FirewallRule[%s].%s (\"%s\") must be a dotted-quad IPv4 address, such as 12.12.12.12",
          name,
          field,
          text);
    }
  }

  @Value.Check
  final void check() {
    if (!isValidName(name())) {
      throw PgreachException.of(
          ErrorCode.INVALID_FIREWALL_RULE_NAME,
          "FirewallRule[%s].name (\"%s\") must be 3 to 128 characters of 0-9 a-z A-Z - _ (it has %d)",
          name(),
          name(),
          name().length());
    }
    if (endIpAddress().compareTo(startIpAddress()) < 0) {
      throw PgreachException.of(
          ErrorCode.END_ADDRESS_SMALLER_THAN_START,
          "FirewallRule[%s].endIpAddress (%s) must not be smaller than startIpAddress (%s)",
          name(),
          endIpAddress(),
          startIpAddress());
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

  /** Returns {@code name: start-end}, with the change instant when known. */
  @Override
  public String toString() {
    return name() + ": " + range() + changedAt().map(t -> " (changed " + t + ")").orElse("");
  }

  /** Builds {@link FirewallRule}s. */
  public static final class Builder extends ImmutableFirewallRule.Builder {
    Builder() {}
  }
}
