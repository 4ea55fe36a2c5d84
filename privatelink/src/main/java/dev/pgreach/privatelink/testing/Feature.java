package dev.pgreach.privatelink.testing;

/**
 * What a generated estate may hold on top of its network's virtual networks, subnets, peerings,
 * gateways, on-premises networks, network interfaces and flexible servers (which every estate has).
 * {@link EstateArbitrary#without(Feature...)} leaves a feature out.
 */
public enum Feature {
  /** Network security groups on subnets and on network interfaces, and endpoint network policies. */
  NETWORK_SECURITY_GROUPS,
  /** Server firewall rules: the Azure-services rule, ranges, allow-all, rules still propagating. */
  FIREWALL_RULES,
  /** Route tables with user routes (drop, internet, virtual appliance, gateway) on subnets. */
  ROUTE_TABLES,
  /** Private endpoints of public-access servers, in every connection state, with DNS zone groups. */
  PRIVATE_ENDPOINTS,
  /** Private DNS zones (the servers' own and privatelink) with links and resolution policies. */
  PRIVATE_DNS_ZONES,
  /**
   * DNS servers that answer the addresses virtual networks and on-premises networks name: custom
   * servers that forward to Azure-provided DNS, DNS Private Resolver inbound endpoints, and
   * on-premises servers forwarding to them.
   */
  DNS_SERVERS,
  /** Clients of every kind: hosts in subnets, network interfaces, on-premises, internet, Azure-hosted. */
  CLIENTS,
  /**
   * Open-world parts: resources referred to but outside the input, inventories not observed,
   * server settings not known, private endpoint connections to endpoints the estate does not hold.
   */
  OPEN_WORLD
}
