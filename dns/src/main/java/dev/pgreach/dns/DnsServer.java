package dev.pgreach.dns;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ResourceId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A DNS server that hosts can be pointed at: a custom DNS server in a virtual network or on
 * premises, or an Azure DNS Private Resolver inbound endpoint.
 *
 * <p>A server is a host at a {@link #location()} (a subnet of a virtual network, or an on-premises
 * network), so whether an asker can reach it, and whether it can reach its forwarders, is a
 * routing question. What it does with a query:
 *
 * <ul>
 *   <li>a {@link DnsServerKind#PRIVATE_RESOLVER_INBOUND_ENDPOINT} answers as Azure-provided DNS in
 *       its virtual network, with that network's zone links;
 *   <li>a {@link DnsServerKind#CUSTOM} server sends the query to the conditional forwarder with the
 *       longest matching domain, else to its {@link #forwarders()}, trying targets in order; with
 *       neither it resolves the name itself through public DNS. Forwarding to {@code 168.63.129.16}
 *       resolves with the zones linked to the <em>forwarding server's</em> virtual network;
 *       Azure-provided DNS refuses queries from on-premises.
 * </ul>
 *
 * <pre>{@code
 * DnsServer dns1 = DnsServer.builder()
 *     .id(ResourceId.of(subscription, "net", "Microsoft.Compute/virtualMachines", "dns1"))
 *     .location(ClientLocation.InVirtualNetwork.of(hubDnsSubnet, Ipv4Address.parse("10.0.3.4")))
 *     .addForwarders(Resolver.AZURE_PROVIDED_DNS)
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class DnsServer {
  /** The ARM type of a DNS Private Resolver inbound endpoint id. */
  public static final String INBOUND_ENDPOINT_RESOURCE_TYPE = "Microsoft.Network/dnsResolvers/inboundEndpoints";

  DnsServer() {}

  /**
   * Returns the server's id: an inbound endpoint's id, or any id that names a custom server (its
   * virtual machine, its network interface, or a made-up id under an on-premises network).
   *
   * @return the id
   */
  public abstract ResourceId id();

  /**
   * Returns the server's name, the last segment of its id.
   *
   * @return the name
   */
  public final String name() {
    return id().name();
  }

  /**
   * Returns what kind of server this is.
   *
   * @return the kind; {@link DnsServerKind#CUSTOM} by default
   */
  @Value.Default
  public DnsServerKind kind() {
    return DnsServerKind.CUSTOM;
  }

  /**
   * Returns where the server sits: a host in a subnet, or a host on an on-premises network.
   *
   * @return the location; its address is the server's address
   */
  public abstract ClientLocation location();

  /**
   * Returns the server's address, the address hosts list as their DNS server.
   *
   * @return the location's address
   */
  public final Ipv4Address address() {
    return location().address();
  }

  /**
   * Returns the servers every query goes to that no conditional forwarder takes, in the order
   * they are tried.
   *
   * @return the forwarders; empty when the server resolves such queries itself
   */
  public abstract ImmutableList<Ipv4Address> forwarders();

  /**
   * Returns the conditional forwarders.
   *
   * @return the forwarders, in the order given (the longest matching domain wins, whatever the order)
   */
  public abstract ImmutableList<ConditionalForwarder> conditionalForwarders();

  /**
   * Returns the conditional forwarder that takes a name: the one with the longest matching domain.
   *
   * @param name the queried name
   * @return the forwarder, or empty when none matches
   */
  public final Optional<ConditionalForwarder> conditionalForwarderFor(DnsName name) {
    return conditionalForwarders().stream()
        .filter(f -> f.matches(name))
        .max(Comparator.comparingInt(f -> f.domain().labelCount()));
  }

  @Value.Check
  final void check() {
    String self = "DnsServer[" + name() + "]";
    if (!(location() instanceof ClientLocation.InVirtualNetwork) && !(location() instanceof ClientLocation.OnPremises)) {
      throw PgreachException.of(
          ErrorCode.INVALID_VALUE,
          "%s.location (%s) must be a host in a subnet or on an on-premises network",
          self,
          location());
    }
    if (kind() == DnsServerKind.PRIVATE_RESOLVER_INBOUND_ENDPOINT) {
      id().requireType(INBOUND_ENDPOINT_RESOURCE_TYPE, self + ".id");
      if (!(location() instanceof ClientLocation.InVirtualNetwork)) {
        throw PgreachException.of(
            ErrorCode.INVALID_VALUE, "%s.location (%s) must be in a virtual network: an inbound endpoint is an address in a subnet", self, location());
      }
      if (!forwarders().isEmpty() || !conditionalForwarders().isEmpty()) {
        throw PgreachException.of(
            ErrorCode.INVALID_VALUE,
            "%s.forwarders (%s %s) must be empty: an inbound endpoint answers as Azure-provided DNS of its network",
            self,
            forwarders(),
            conditionalForwarders());
      }
    }
    Set<DnsName> domains = new HashSet<>();
    for (ConditionalForwarder f : conditionalForwarders()) {
      if (!domains.add(f.domain())) {
        throw PgreachException.of(
            ErrorCode.DUPLICATE_DNS_ENTRY, "%s.conditionalForwarders (%s) holds two forwarders for that domain", self, f.domain());
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

  /** Builds {@link DnsServer}s. */
  public static final class Builder extends ImmutableDnsServer.Builder {
    Builder() {}
  }
}
