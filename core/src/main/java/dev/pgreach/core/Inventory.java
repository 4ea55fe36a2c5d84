package dev.pgreach.core;

import java.util.Locale;
import java.util.Optional;

/**
 * A collection of resources that belong to one owner, which an input may hold in full or only in
 * part: the subnets of a virtual network, the firewall rules of a server, the zones linked to a
 * virtual network.
 *
 * <p>Real exports are partial. {@code az resource list} and Resource Graph list a server but none
 * of its firewall rules; a template deploys two firewall rules while others may already exist; a
 * REST list of a server's firewall rules holds all of them. pgreach answers in an open world: an
 * inventory the input does not hold in full is <em>not observed</em>, and an answer that depends on
 * what is missing from it is indeterminate. {@link Coverage} records which inventories are complete.
 *
 * <p>Each constant names its owner's kind; {@link #inputName()} is the name the companion document
 * uses to declare an inventory complete.
 */
public enum Inventory {
  /** The subnets of a virtual network (ARM nests them in {@code properties.subnets}). */
  SUBNETS("subnets"),
  /** The peering links of a virtual network ({@code properties.virtualNetworkPeerings}). */
  VIRTUAL_NETWORK_PEERINGS("virtualNetworkPeerings"),
  /** The network interfaces in a subnet (their hosts, and the network security groups on them). */
  NETWORK_INTERFACES("networkInterfaces"),
  /** The VPN and ExpressRoute connections at a virtual network gateway or an on-premises network. */
  CONNECTIONS("connections"),
  /** The routes of a route table ({@code properties.routes}). */
  ROUTES("routes"),
  /** The security rules of a network security group ({@code properties.securityRules}). */
  SECURITY_RULES("securityRules"),
  /** The firewall rules of a flexible server. */
  FIREWALL_RULES("firewallRules"),
  /** The server parameters ({@code configurations}) of a flexible server. */
  CONFIGURATIONS("configurations"),
  /**
   * The private endpoints of a flexible server, as its {@code properties.privateEndpointConnections}
   * list them.
   */
  PRIVATE_ENDPOINT_CONNECTIONS("privateEndpointConnections"),
  /** The private endpoints in a subnet. */
  PRIVATE_ENDPOINTS("privateEndpoints"),
  /** The flexible servers delegated to a subnet. */
  FLEXIBLE_SERVERS("flexibleServers"),
  /** The record sets of a private DNS zone. */
  RECORD_SETS("recordSets"),
  /** The virtual network links of a private DNS zone. */
  VIRTUAL_NETWORK_LINKS("virtualNetworkLinks"),
  /**
   * The private DNS zones linked to a virtual network: every zone, in any resource group or
   * subscription, with a link to it. ARM keeps no list of them on the network, so only a
   * declaration makes this inventory complete.
   */
  LINKED_PRIVATE_DNS_ZONES("linkedPrivateDnsZones"),
  /** The DNS zone groups of a private endpoint (the zones it writes its A records into). */
  PRIVATE_DNS_ZONE_GROUPS("privateDnsZoneGroups"),
  /**
   * The DNS servers running in a virtual network or an on-premises network: what answers at the
   * DNS server addresses networks list. ARM does not describe them (the companion document does),
   * so only a declaration makes this inventory complete; until then, an address where no DNS
   * server is described may still have one.
   */
  DNS_SERVERS("dnsServers");

  private final String inputName;

  Inventory(String inputName) {
    this.inputName = inputName;
  }

  /**
   * Returns the name the companion document uses for this inventory, such as {@code firewallRules}.
   *
   * @return the name
   */
  public String inputName() {
    return inputName;
  }

  /**
   * Finds an inventory by its {@link #inputName()}, ignoring case.
   *
   * @param name such as {@code firewallRules}
   * @return the inventory, or empty
   */
  public static Optional<Inventory> fromInputName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.toLowerCase(Locale.ROOT);
    for (Inventory i : values()) {
      if (i.inputName.toLowerCase(Locale.ROOT).equals(n)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns a phrase naming this inventory of an owner, for reasons: {@code the firewall rules of
   * orders-db}.
   *
   * @param owner the owner's name
   * @return the phrase
   */
  public String of(String owner) {
    switch (this) {
      case SUBNETS:
        return "the subnets of " + owner;
      case VIRTUAL_NETWORK_PEERINGS:
        return "the peerings of " + owner;
      case NETWORK_INTERFACES:
        return "the network interfaces in " + owner;
      case CONNECTIONS:
        return "the gateway connections of " + owner;
      case ROUTES:
        return "the routes of " + owner;
      case SECURITY_RULES:
        return "the security rules of " + owner;
      case FIREWALL_RULES:
        return "the firewall rules of " + owner;
      case CONFIGURATIONS:
        return "the server parameters of " + owner;
      case PRIVATE_ENDPOINT_CONNECTIONS:
        return "the private endpoint connections of " + owner;
      case PRIVATE_ENDPOINTS:
        return "the private endpoints in " + owner;
      case FLEXIBLE_SERVERS:
        return "the flexible servers in " + owner;
      case RECORD_SETS:
        return "the record sets of " + owner;
      case VIRTUAL_NETWORK_LINKS:
        return "the virtual network links of " + owner;
      case LINKED_PRIVATE_DNS_ZONES:
        return "the private DNS zones linked to " + owner;
      case DNS_SERVERS:
        return "the DNS servers running in " + owner;
      default:
        return "the DNS zone groups of " + owner;
    }
  }
}
