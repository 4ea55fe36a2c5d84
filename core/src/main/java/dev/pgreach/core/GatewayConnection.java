package dev.pgreach.core;

import org.immutables.value.Value;

/**
 * A connection of a {@link VirtualNetworkGateway} to an on-premises network (site-to-site VPN or
 * ExpressRoute) or to another virtual network's gateway (VNet-to-VNet VPN). Traffic flows both
 * ways once the connection exists.
 */
@Value.Immutable
public abstract class GatewayConnection {
  /** The ARM type of a connection id. */
  public static final String RESOURCE_TYPE = "Microsoft.Network/connections";

  /** The kind of connection ({@code connectionType}). */
  public enum ConnectionType {
    /** Site-to-site IPsec VPN to an on-premises network. */
    IPSEC,
    /** ExpressRoute private peering to an on-premises network. */
    EXPRESS_ROUTE,
    /** VPN between two virtual network gateways. */
    VNET_TO_VNET
  }

  GatewayConnection() {}

  /**
   * Returns the connection's id.
   *
   * @return the id
   */
  public abstract ResourceId id();

  /**
   * Returns the connection name.
   *
   * @return the name
   */
  public final String name() {
    return id().name();
  }

  /**
   * Returns the kind of connection.
   *
   * @return the type
   */
  public abstract ConnectionType connectionType();

  /**
   * Returns the Azure-side gateway ({@code virtualNetworkGateway1}).
   *
   * @return the gateway's id
   */
  public abstract ResourceId virtualNetworkGateway();

  /**
   * Returns the other end: an {@link OnPremisesNetwork} id for {@link ConnectionType#IPSEC} and
   * {@link ConnectionType#EXPRESS_ROUTE}, another {@link VirtualNetworkGateway} id for {@link
   * ConnectionType#VNET_TO_VNET}.
   *
   * @return the remote end's id
   */
  public abstract ResourceId remote();

  @Value.Check
  final void check() {
    id().requireType(RESOURCE_TYPE, "GatewayConnection.id");
    virtualNetworkGateway()
        .requireType(VirtualNetworkGateway.RESOURCE_TYPE, "GatewayConnection[" + name() + "].virtualNetworkGateway");
    String remoteType =
        connectionType() == ConnectionType.VNET_TO_VNET
            ? VirtualNetworkGateway.RESOURCE_TYPE
            : OnPremisesNetwork.RESOURCE_TYPE;
    remote().requireType(remoteType, "GatewayConnection[" + name() + "].remote");
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link GatewayConnection}s. */
  public static final class Builder extends ImmutableGatewayConnection.Builder {
    Builder() {}
  }
}
