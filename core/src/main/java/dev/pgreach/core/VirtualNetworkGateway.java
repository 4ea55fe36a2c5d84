package dev.pgreach.core;

import org.immutables.value.Value;

/**
 * A VPN or ExpressRoute gateway in a virtual network's {@code GatewaySubnet}. On-premises networks
 * and other virtual networks reach the gateway's network through {@link GatewayConnection}s;
 * peered spokes reach them through gateway transit.
 */
@Value.Immutable
public abstract class VirtualNetworkGateway {
  /** The ARM type of a gateway id. */
  public static final String RESOURCE_TYPE = "Microsoft.Network/virtualNetworkGateways";

  /** The kind of gateway ({@code gatewayType}). */
  public enum GatewayType {
    /** A VPN gateway (site-to-site, point-to-site, VNet-to-VNet). */
    VPN,
    /** An ExpressRoute gateway. */
    EXPRESS_ROUTE
  }

  VirtualNetworkGateway() {}

  /**
   * Returns the gateway's id.
   *
   * @return the id
   */
  public abstract ResourceId id();

  /**
   * Returns the gateway name.
   *
   * @return the name
   */
  public final String name() {
    return id().name();
  }

  /**
   * Returns the virtual network whose {@code GatewaySubnet} holds the gateway.
   *
   * @return the network's id
   */
  public abstract ResourceId virtualNetwork();

  /**
   * Returns the kind of gateway.
   *
   * @return the type; {@link GatewayType#VPN} by default
   */
  @Value.Default
  public GatewayType gatewayType() {
    return GatewayType.VPN;
  }

  @Value.Check
  final void check() {
    id().requireType(RESOURCE_TYPE, "VirtualNetworkGateway.id");
    virtualNetwork().requireType(VirtualNetwork.RESOURCE_TYPE, "VirtualNetworkGateway[" + name() + "].virtualNetwork");
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link VirtualNetworkGateway}s. */
  public static final class Builder extends ImmutableVirtualNetworkGateway.Builder {
    Builder() {}
  }
}
