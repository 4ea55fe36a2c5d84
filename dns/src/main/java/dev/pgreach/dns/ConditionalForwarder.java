package dev.pgreach.dns;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.PgreachException;
import java.util.Arrays;

/**
 * A conditional forwarder of a DNS server: queries for names in a domain go to these servers,
 * tried in order. When several forwarders match a name, the one with the longest domain wins.
 *
 * <pre>{@code
 * // On-premises DNS: send Azure's PostgreSQL names to the Private Resolver's inbound endpoint.
 * ConditionalForwarder toAzure = ConditionalForwarder.of(
 *     DnsName.parse("postgres.database.azure.com"), Ipv4Address.parse("10.0.3.4"));
 * }</pre>
 *
 * @param domain the domain; the forwarder takes this name and every name below it
 * @param targets the addresses of the servers to forward to, in the order they are tried; never
 *     empty
 */
public record ConditionalForwarder(DnsName domain, ImmutableList<Ipv4Address> targets) {
  /** {@return the domain; the forwarder takes this name and every name below it} */
  public DnsName domain() {
    return domain;
  }

  /** {@return the addresses of the servers to forward to, in the order they are tried; never empty} */
  public ImmutableList<Ipv4Address> targets() {
    return targets;
  }

  /**
   * Checks the components.
   *
   * @param domain the domain; the forwarder takes this name and every name below it
   * @param targets the addresses of the servers to forward to, in the order they are tried; never empty
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null component; {@link
   *     ErrorCode#INVALID_VALUE} for an empty target list
   */
  public ConditionalForwarder {
    Checks.notNull(domain, "ConditionalForwarder.domain");
    Checks.notNull(targets, "ConditionalForwarder.targets");
    if (targets.isEmpty()) {
      throw PgreachException.of(
          ErrorCode.INVALID_VALUE, "ConditionalForwarder[%s].targets ([]) must name at least one server", domain);
    }
  }

  /**
   * Returns a conditional forwarder.
   *
   * @param domain the domain
   * @param targets the servers to forward to, in order
   * @return the forwarder
   * @throws PgreachException {@link ErrorCode#INVALID_VALUE} when no target is given
   */
  public static ConditionalForwarder of(DnsName domain, Ipv4Address... targets) {
    return new ConditionalForwarder(domain, ImmutableList.copyOf(Arrays.asList(targets)));
  }

  /**
   * Tells whether this forwarder takes a name.
   *
   * @param name the queried name
   * @return whether the name is the domain or below it
   */
  public boolean matches(DnsName name) {
    return name.isWithin(domain);
  }
}
