package dev.pgreach.core;

import com.google.common.collect.ImmutableList;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * An Azure virtual network: a region, one or more IPv4 address prefixes, the DNS servers its hosts
 * use, its subnets and its outgoing peering links.
 *
 * <p>An empty {@link #dnsServers()} list means Azure-provided DNS ({@code 168.63.129.16}), which
 * resolves through the private DNS zones linked to this network. With custom DNS servers, the
 * linked zones are not consulted by this network's hosts.
 *
 * <pre>{@code
 * VirtualNetwork hub = VirtualNetwork.builder()
 *     .id(ResourceId.of(subscription, "net", VirtualNetwork.RESOURCE_TYPE, "hub"))
 *     .region(Region.parse("westeurope"))
 *     .addAddressSpace(Ipv4Prefix.parse("10.0.0.0/16"))
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class VirtualNetwork {
  /** The ARM type of a virtual network id. */
  public static final String RESOURCE_TYPE = "Microsoft.Network/virtualNetworks";

  VirtualNetwork() {}

  /**
   * Returns the virtual network's id.
   *
   * @return the id
   */
  public abstract ResourceId id();

  /**
   * Returns the name.
   *
   * @return the last segment of the id
   */
  public final String name() {
    return id().name();
  }

  /**
   * Returns the region.
   *
   * @return the region
   */
  public abstract Region region();

  /**
   * Returns the address space ({@code addressSpace.addressPrefixes}); never empty.
   *
   * @return the prefixes in the order given
   */
  public abstract ImmutableList<Ipv4Prefix> addressSpace();

  /**
   * Returns the custom DNS servers; empty means Azure-provided DNS.
   *
   * @return the DNS server addresses in the order hosts try them
   */
  public abstract ImmutableList<Ipv4Address> dnsServers();

  /**
   * Returns the subnets.
   *
   * @return the subnets in the order given
   */
  public abstract ImmutableList<Subnet> subnets();

  /**
   * Returns the peering links from this network to others.
   *
   * @return the outgoing links
   */
  public abstract ImmutableList<VirtualNetworkPeering> virtualNetworkPeerings();

  /**
   * Returns the address space as a set.
   *
   * @return the union of {@link #addressSpace()}
   */
  @Value.Lazy
  public AddressSet addresses() {
    return AddressSet.ofPrefixes(addressSpace());
  }

  /**
   * Tells whether the network uses Azure-provided DNS.
   *
   * @return whether {@link #dnsServers()} is empty
   */
  public final boolean usesAzureProvidedDns() {
    return dnsServers().isEmpty();
  }

  /**
   * Returns the subnet with this name, ignoring case.
   *
   * @param name the subnet name
   * @return the subnet, or empty
   */
  public final Optional<Subnet> subnet(String name) {
    return subnets().stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
  }

  /**
   * Returns the subnet whose prefix contains the address.
   *
   * @param address a private address
   * @return the subnet, or empty when no subnet holds it
   */
  public final Optional<Subnet> subnetContaining(Ipv4Address address) {
    return subnets().stream().filter(s -> s.addressPrefix().contains(address)).findFirst();
  }

  /**
   * Returns the outgoing peering link to the given network.
   *
   * @param remote the remote network's id
   * @return the link, or empty
   */
  public final Optional<VirtualNetworkPeering> peeringTo(ResourceId remote) {
    return virtualNetworkPeerings().stream().filter(p -> p.remoteVirtualNetwork().equals(remote)).findFirst();
  }

  @Value.Check
  final void check() {
    id().requireType(RESOURCE_TYPE, "VirtualNetwork.id");
    if (addressSpace().isEmpty()) {
      throw PgreachException.of(
          ErrorCode.INVALID_VALUE, "VirtualNetwork[%s].addressSpace must hold at least one prefix", name());
    }
    Set<String> names = new HashSet<>();
    for (Subnet s : subnets()) {
      if (!s.virtualNetwork().equals(id())) {
        throw PgreachException.of(
            ErrorCode.INVALID_VALUE,
            "VirtualNetwork[%s].subnets holds %s, which belongs to another virtual network",
            name(),
            s.id());
      }
      if (!names.add("subnet:" + s.name().toLowerCase(Locale.ROOT))) {
        throw PgreachException.of(
            ErrorCode.DUPLICATE_RESOURCE, "VirtualNetwork[%s].subnets holds two subnets named %s", name(), s.name());
      }
    }
    for (VirtualNetworkPeering p : virtualNetworkPeerings()) {
      if (!p.localVirtualNetwork().equals(id())) {
        throw PgreachException.of(
            ErrorCode.INVALID_VALUE,
            "VirtualNetwork[%s].virtualNetworkPeerings holds %s, which belongs to another virtual network",
            name(),
            p.id());
      }
      if (!names.add("peering:" + p.name().toLowerCase(Locale.ROOT))) {
        throw PgreachException.of(
            ErrorCode.DUPLICATE_RESOURCE,
            "VirtualNetwork[%s].virtualNetworkPeerings holds two peerings named %s",
            name(),
            p.name());
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

  /** Builds {@link VirtualNetwork}s. */
  public static final class Builder extends ImmutableVirtualNetwork.Builder {
    Builder() {}
  }
}
