package dev.pgreach.privatelink.terraform;

import java.util.Optional;

/**
 * The {@code azurerm} resource types pgreach reads, each with the Azure resource type it is and
 * how Azure names it: a top-level resource by its resource group and name; a child by its parent,
 * which the resource names by name ({@code virtual_network_name}) or by id ({@code server_id}).
 * Associations have no Azure resource of their own: they set a member of the subnet or network
 * interface they name.
 */
enum AzurermType {
  POSTGRESQL_FLEXIBLE_SERVER("azurerm_postgresql_flexible_server", "Microsoft.DBforPostgreSQL/flexibleServers", null, null, null, null),
  POSTGRESQL_FLEXIBLE_SERVER_FIREWALL_RULE("azurerm_postgresql_flexible_server_firewall_rule", "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules", null, null, "server_id", "firewallRules"),
  POSTGRESQL_FLEXIBLE_SERVER_CONFIGURATION("azurerm_postgresql_flexible_server_configuration", "Microsoft.DBforPostgreSQL/flexibleServers/configurations", null, null, "server_id", "configurations"),
  VIRTUAL_NETWORK("azurerm_virtual_network", "Microsoft.Network/virtualNetworks", null, null, null, null),
  SUBNET("azurerm_subnet", "Microsoft.Network/virtualNetworks/subnets", "Microsoft.Network/virtualNetworks", "virtual_network_name", null, "subnets"),
  VIRTUAL_NETWORK_PEERING("azurerm_virtual_network_peering", "Microsoft.Network/virtualNetworks/virtualNetworkPeerings", "Microsoft.Network/virtualNetworks", "virtual_network_name", null, "virtualNetworkPeerings"),
  NETWORK_SECURITY_GROUP("azurerm_network_security_group", "Microsoft.Network/networkSecurityGroups", null, null, null, null),
  NETWORK_SECURITY_RULE("azurerm_network_security_rule", "Microsoft.Network/networkSecurityGroups/securityRules", "Microsoft.Network/networkSecurityGroups", "network_security_group_name", null, "securityRules"),
  SUBNET_NETWORK_SECURITY_GROUP_ASSOCIATION("azurerm_subnet_network_security_group_association", null, null, null, null, null),
  NETWORK_INTERFACE("azurerm_network_interface", "Microsoft.Network/networkInterfaces", null, null, null, null),
  NETWORK_INTERFACE_SECURITY_GROUP_ASSOCIATION("azurerm_network_interface_security_group_association", null, null, null, null, null),
  ROUTE_TABLE("azurerm_route_table", "Microsoft.Network/routeTables", null, null, null, null),
  ROUTE("azurerm_route", "Microsoft.Network/routeTables/routes", "Microsoft.Network/routeTables", "route_table_name", null, "routes"),
  SUBNET_ROUTE_TABLE_ASSOCIATION("azurerm_subnet_route_table_association", null, null, null, null, null),
  PRIVATE_DNS_ZONE("azurerm_private_dns_zone", "Microsoft.Network/privateDnsZones", null, null, null, null),
  PRIVATE_DNS_ZONE_VIRTUAL_NETWORK_LINK("azurerm_private_dns_zone_virtual_network_link", "Microsoft.Network/privateDnsZones/virtualNetworkLinks", "Microsoft.Network/privateDnsZones", "private_dns_zone_name", null, "virtualNetworkLinks"),
  PRIVATE_DNS_A_RECORD("azurerm_private_dns_a_record", "Microsoft.Network/privateDnsZones/A", "Microsoft.Network/privateDnsZones", "zone_name", null, "A"),
  PRIVATE_DNS_CNAME_RECORD("azurerm_private_dns_cname_record", "Microsoft.Network/privateDnsZones/CNAME", "Microsoft.Network/privateDnsZones", "zone_name", null, "CNAME"),
  PRIVATE_ENDPOINT("azurerm_private_endpoint", "Microsoft.Network/privateEndpoints", null, null, null, null),
  VIRTUAL_NETWORK_GATEWAY("azurerm_virtual_network_gateway", "Microsoft.Network/virtualNetworkGateways", null, null, null, null),
  LOCAL_NETWORK_GATEWAY("azurerm_local_network_gateway", "Microsoft.Network/localNetworkGateways", null, null, null, null),
  VIRTUAL_NETWORK_GATEWAY_CONNECTION("azurerm_virtual_network_gateway_connection", "Microsoft.Network/connections", null, null, null, null),
  PUBLIC_IP("azurerm_public_ip", "Microsoft.Network/publicIPAddresses", null, null, null, null),
  PRIVATE_DNS_RESOLVER("azurerm_private_dns_resolver", "Microsoft.Network/dnsResolvers", null, null, null, null),
  PRIVATE_DNS_RESOLVER_INBOUND_ENDPOINT("azurerm_private_dns_resolver_inbound_endpoint", "Microsoft.Network/dnsResolvers/inboundEndpoints", null, null, "private_dns_resolver_id", "inboundEndpoints");

  /** The {@code azurerm} type name. */
  final String terraform;
  /** The Azure resource type, or null for an association. */
  final String arm;
  /** For a child named by its parent's name: the parent's Azure type. */
  final String parentArm;
  /** For a child named by its parent's name: the attribute holding it. */
  final String parentName;
  /** For a child named by its parent's id: the attribute holding it. */
  final String parentId;
  /** For a child: the segment of its type under the parent's. */
  final String segment;

  AzurermType(String terraform, String arm, String parentArm, String parentName, String parentId, String segment) {
    this.terraform = terraform;
    this.arm = arm;
    this.parentArm = parentArm;
    this.parentName = parentName;
    this.parentId = parentId;
    this.segment = segment;
  }

  /** The type of an {@code azurerm} type name, if pgreach reads it. */
  static Optional<AzurermType> of(String terraform) {
    for (AzurermType t : values()) {
      if (t.terraform.equals(terraform)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** Whether it is an association (no Azure resource of its own). */
  boolean association() {
    return arm == null;
  }
}
