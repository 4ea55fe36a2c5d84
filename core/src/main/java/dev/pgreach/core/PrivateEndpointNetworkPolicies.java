package dev.pgreach.core;

/**
 * A subnet's {@code privateEndpointNetworkPolicies}: whether its network security group and route
 * table apply to the private endpoints in it. They always apply to everything else in the subnet.
 */
public enum PrivateEndpointNetworkPolicies {
  /** Neither the NSG nor the route table applies to private endpoints (Azure's default). */
  DISABLED,
  /** Both the NSG and the route table apply to private endpoints. */
  ENABLED,
  /** Only the NSG applies to private endpoints. */
  NETWORK_SECURITY_GROUP_ENABLED,
  /** Only the route table applies to private endpoints. */
  ROUTE_TABLE_ENABLED;

  /**
   * Tells whether the subnet's network security group filters traffic to its private endpoints.
   *
   * @return true for {@link #ENABLED} and {@link #NETWORK_SECURITY_GROUP_ENABLED}
   */
  public boolean appliesNetworkSecurityGroup() {
    return this == ENABLED || this == NETWORK_SECURITY_GROUP_ENABLED;
  }

  /**
   * Tells whether the subnet's route table can override its private endpoints' /32 routes.
   *
   * @return true for {@link #ENABLED} and {@link #ROUTE_TABLE_ENABLED}
   */
  public boolean appliesRouteTable() {
    return this == ENABLED || this == ROUTE_TABLE_ENABLED;
  }
}
