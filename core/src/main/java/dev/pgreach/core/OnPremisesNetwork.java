package dev.pgreach.core;

import com.google.common.collect.ImmutableList;
import org.immutables.value.Value;

/**
 * A network outside Azure (in ARM terms, a local network gateway): its address prefixes and the
 * DNS servers its hosts use. It reaches Azure through a {@link GatewayConnection} to a {@link
 * VirtualNetworkGateway}, by site-to-site VPN or ExpressRoute.
 *
 * <p>Which names the on-premises DNS servers forward where (conditional forwarders) is modelled by
 * the DNS module; here they are only addresses.
 */
@Value.Immutable
public abstract class OnPremisesNetwork {
  /** The ARM type of an on-premises network id (a local network gateway). */
  public static final String RESOURCE_TYPE = "Microsoft.Network/localNetworkGateways";

  OnPremisesNetwork() {}

  /**
   * Returns the id (of the local network gateway representing the network).
   *
   * @return the id
   */
  public abstract ResourceId id();

  /**
   * Returns the name.
   *
   * @return the name
   */
  public final String name() {
    return id().name();
  }

  /**
   * Returns the on-premises address prefixes ({@code localNetworkAddressSpace}); never empty.
   *
   * @return the prefixes
   */
  public abstract ImmutableList<Ipv4Prefix> addressPrefixes();

  /**
   * Returns the addresses of the DNS servers on-premises hosts use.
   *
   * @return the DNS servers, possibly empty
   */
  public abstract ImmutableList<Ipv4Address> dnsServers();

  /**
   * Returns the address prefixes as a set.
   *
   * @return the union of {@link #addressPrefixes()}
   */
  @Value.Lazy
  public AddressSet addresses() {
    return AddressSet.ofPrefixes(addressPrefixes());
  }

  @Value.Check
  final void check() {
    id().requireType(RESOURCE_TYPE, "OnPremisesNetwork.id");
    if (addressPrefixes().isEmpty()) {
      throw PgreachException.of(
          ErrorCode.INVALID_VALUE, "OnPremisesNetwork[%s].addressPrefixes must hold at least one prefix", name());
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

  /** Builds {@link OnPremisesNetwork}s. */
  public static final class Builder extends ImmutableOnPremisesNetwork.Builder {
    Builder() {}
  }
}
