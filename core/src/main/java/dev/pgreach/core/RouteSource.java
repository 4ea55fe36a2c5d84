package dev.pgreach.core;

/** Where an effective route comes from, which also decides ties between equal prefixes. */
public enum RouteSource {
  /** A user-defined route of the subnet's route table; wins ties. */
  USER,
  /** A system route for the virtual network's own address space. */
  VIRTUAL_NETWORK,
  /** A system route for a connected peer's address space. */
  PEERING,
  /** A /32 system route for a private endpoint's address. */
  PRIVATE_ENDPOINT,
  /** A route learned from a virtual network gateway (on-premises or VNet-to-VNet prefixes). */
  VIRTUAL_NETWORK_GATEWAY,
  /** One of Azure's default routes: 0.0.0.0/0 to the internet, private ranges to None. */
  DEFAULT
}
