package dev.pgreach.core;

import com.google.common.collect.ImmutableList;

import org.immutables.value.Value;

/**
 * One direction of a virtual network peering: the link from the local network (the parent of
 * {@link #id()}) to {@link #remoteVirtualNetwork()}, with its four flags.
 *
 * <p>A peering carries traffic only when both directions exist: Azure shows the first link as
 * Initiated and both as Connected once the reverse link is created. Peering is not transitive.
 * The flags are read from the side that sends: {@link #allowVirtualNetworkAccess()} on the
 * sender's link lets its hosts reach the remote space; {@link #allowForwardedTraffic()} on the
 * receiving side's link lets it accept traffic an appliance forwarded; {@link
 * #allowGatewayTransit()} on the hub's link and {@link #useRemoteGateways()} on the spoke's link
 * together let the spoke use the hub's gateway.
 */
@Value.Immutable
public abstract class VirtualNetworkPeering {
  /** The ARM type of a peering id. */
  public static final String RESOURCE_TYPE = "Microsoft.Network/virtualNetworks/virtualNetworkPeerings";

  VirtualNetworkPeering() {}

  /**
   * Returns the peering's id, a child of the local virtual network's id.
   *
   * @return the id
   */
  public abstract ResourceId id();

  /**
   * Returns the peering name.
   *
   * @return the name
   */
  public final String name() {
    return id().name();
  }

  /**
   * Returns the local virtual network, the parent of the id.
   *
   * @return the local network's id
   */
  public final ResourceId localVirtualNetwork() {
    return id().parent().orElseThrow();
  }

  /**
   * Returns the remote virtual network.
   *
   * @return its id
   */
  public abstract ResourceId remoteVirtualNetwork();

  /**
   * Returns whether hosts of the local network may reach the remote network's space.
   *
   * @return {@code allowVirtualNetworkAccess}; true by default
   */
  @Value.Default
  public boolean allowVirtualNetworkAccess() {
    return true;
  }

  /**
   * Returns whether the local network accepts traffic that an appliance in the remote network
   * forwarded (traffic not originating in the remote network).
   *
   * @return {@code allowForwardedTraffic}; false by default
   */
  @Value.Default
  public boolean allowForwardedTraffic() {
    return false;
  }

  /**
   * Returns whether the remote network may use the local network's gateway.
   *
   * @return {@code allowGatewayTransit}; false by default
   */
  @Value.Default
  public boolean allowGatewayTransit() {
    return false;
  }

  /**
   * Returns whether the local network uses the remote network's gateway.
   *
   * @return {@code useRemoteGateways}; false by default
   */
  @Value.Default
  public boolean useRemoteGateways() {
    return false;
  }

  /**
   * Returns the remote network's address space as the peering itself records it ({@code
   * remoteAddressSpace.addressPrefixes}, which ARM shows on every peering): it tells where the
   * remote network is when the input does not hold it (another subscription or tenant).
   *
   * @return the prefixes; empty when not given (the remote network's own space then decides)
   */
  public abstract ImmutableList<Ipv4Prefix> remoteAddressSpace();

  /**
   * Returns the link's state as ARM reports it. It tells whether the peering is connected when the
   * input does not hold the remote network (or its peerings); when it holds both links, the links
   * themselves decide.
   *
   * @return the state, or empty when not given
   */
  public abstract java.util.Optional<PeeringState> peeringState();

  @Value.Check
  final void check() {
    id().requireType(RESOURCE_TYPE, "VirtualNetworkPeering.id");
    remoteVirtualNetwork()
        .requireType(VirtualNetwork.RESOURCE_TYPE, "VirtualNetworkPeering[" + name() + "].remoteVirtualNetwork");
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link VirtualNetworkPeering}s. */
  public static final class Builder extends ImmutableVirtualNetworkPeering.Builder {
    Builder() {}
  }
}
