package dev.pgreach.core;

/**
 * The stable code of a validation {@link Finding}, with its default {@link Severity}.
 *
 * <p>Codes are grouped by the module that reports them. They are never renamed, removed or reused;
 * new codes are only added.
 */
public enum FindingCode {
  // ---- network (core) ----
  /**
   * A resource of the input holds a value Azure refuses (a zone name of one label, a subnet without
   * a prefix, a private endpoint without a connection, a resource listed twice with other
   * properties): it is left out of the estate, so what refers to it is outside the input.
   */
  INPUT_REFUSED(Severity.ERROR),
  /** Two prefixes of one virtual network's address space overlap. */
  ADDRESS_SPACES_OVERLAP(Severity.ERROR),
  /** A subnet's prefix is not inside its virtual network's address space. */
  SUBNET_OUTSIDE_ADDRESS_SPACE(Severity.ERROR),
  /** Two subnets of one virtual network overlap. */
  SUBNETS_OVERLAP(Severity.ERROR),
  /** A subnet is smaller than /29, the smallest IPv4 subnet Azure creates. */
  SUBNET_TOO_SMALL(Severity.ERROR),
  /** Two peered virtual networks have overlapping address spaces. */
  PEERED_ADDRESS_SPACES_OVERLAP(Severity.ERROR),
  /** A virtual network is peered with itself. */
  PEERING_TO_SELF(Severity.ERROR),
  /** A peering exists in one direction only (Initiated): it carries no traffic. */
  PEERING_ONE_DIRECTION(Severity.WARNING),
  /** A peering's remote virtual network is not in the model, so nothing is known to be reachable through it. */
  PEERING_REMOTE_UNKNOWN(Severity.WARNING),
  /** A peering link uses remote gateways but the remote link does not allow gateway transit. */
  USE_REMOTE_GATEWAYS_WITHOUT_TRANSIT(Severity.WARNING),
  /** A peering link uses remote gateways but the remote virtual network has no gateway. */
  USE_REMOTE_GATEWAYS_WITHOUT_GATEWAY(Severity.ERROR),
  /** A virtual network with its own gateway also uses a remote gateway. */
  USE_REMOTE_GATEWAYS_WITH_LOCAL_GATEWAY(Severity.ERROR),
  /** More than one peering link of a virtual network uses remote gateways. */
  USE_REMOTE_GATEWAYS_MORE_THAN_ONCE(Severity.ERROR),
  /** A VNet-to-VNet connection exists from one gateway only: Azure needs one from each side before the tunnel connects. */
  VNET_TO_VNET_ONE_DIRECTION(Severity.WARNING),
  /** Two servers share a name; server names are globally unique, as they are host names. */
  SERVER_NAME_NOT_UNIQUE(Severity.ERROR),
  /** An on-premises network's prefixes overlap a virtual network it is connected to. */
  ON_PREMISES_OVERLAPS_VIRTUAL_NETWORK(Severity.WARNING),
  /** A network interface's address is outside its subnet. */
  ADDRESS_OUTSIDE_SUBNET(Severity.ERROR),
  /** An address is one of the five Azure reserves in every subnet (network, .1, .2, .3, broadcast). */
  ADDRESS_RESERVED(Severity.ERROR),
  /** Two resources hold the same private address in one virtual network. */
  ADDRESS_IN_USE(Severity.ERROR),
  /** A private-access server's subnet is not delegated to {@code Microsoft.DBforPostgreSQL/flexibleServers}. */
  SERVER_SUBNET_NOT_DELEGATED(Severity.ERROR),
  /** A private-access server's subnet is delegated to another service. */
  SERVER_SUBNET_DELEGATED_ELSEWHERE(Severity.ERROR),
  /** A subnet delegated to flexible servers holds other kinds of resources. */
  SERVER_SUBNET_SHARED(Severity.ERROR),
  /** A private-access server's subnet is smaller than /28. */
  SERVER_SUBNET_TOO_SMALL(Severity.ERROR),
  /** A delegated subnet has fewer free addresses than its servers need (4 per HA server, 1 otherwise, after the 5 reserved). */
  SERVER_SUBNET_FULL(Severity.ERROR),
  /** A server uses a subnet with a reserved name (GatewaySubnet, AzureFirewallSubnet, AzureFirewallManagementSubnet, AzureBastionSubnet). */
  SERVER_SUBNET_RESERVED_NAME(Severity.ERROR),
  /** A private-access server's virtual network is in another region than the server. */
  SERVER_REGION_MISMATCH(Severity.ERROR),
  /** A private-access server has no private DNS zone. */
  SERVER_PRIVATE_DNS_ZONE_MISSING(Severity.ERROR),
  /**
   * A VNet-integrated server has {@code publicNetworkAccess} Enabled, which Azure silently ignores
   * (profile {@code preview2021}; under {@code current} it is {@link
   * #PUBLIC_NETWORK_ACCESS_CONFLICTS_WITH_VNET_INTEGRATION}).
   */
  PUBLIC_NETWORK_ACCESS_IGNORED(Severity.WARNING),
  /**
   * A VNet-integrated server has {@code publicNetworkAccess} Enabled: Azure rejects the create or
   * update with HTTP 400 {@code ConflictingPublicNetworkAccessAndVirtualNetworkConfiguration}, so
   * a template or plan that says so does not deploy.
   */
  PUBLIC_NETWORK_ACCESS_CONFLICTS_WITH_VNET_INTEGRATION(Severity.ERROR),
  /**
   * Posture: a public-access server has {@code publicNetworkAccess} Enabled, so its public
   * endpoint takes connections from the internet, limited only by firewall rules. Not raised for
   * VNet-integrated servers, which have no public endpoint.
   */
  PUBLIC_NETWORK_ACCESS_ENABLED(Severity.ADVICE),
  /** The service profile does not let {@code publicNetworkAccess} be switched off on a public-access server. */
  PUBLIC_NETWORK_ACCESS_TOGGLE_UNSUPPORTED(Severity.ERROR),
  /** {@code require_secure_transport} is off but the service profile only accepts encrypted connections. */
  SECURE_TRANSPORT_NOT_OPTIONAL(Severity.WARNING),
  /** {@code ssl_min_protocol_version} names a version the service profile does not support. */
  TLS_VERSION_UNSUPPORTED(Severity.WARNING),
  /** PgBouncer is enabled on a Burstable server, where Azure does not offer it. */
  PGBOUNCER_UNAVAILABLE(Severity.ERROR),

  // ---- routing (core) ----
  /** A user-defined route on a flexible server's subnet sends the subnet's own traffic to an appliance. */
  ROUTE_SERVER_SUBNET_THROUGH_APPLIANCE(Severity.WARNING),
  /** A user-defined route on a flexible server's subnet sends Microsoft Entra ID traffic to an appliance. */
  ROUTE_ENTRA_ID_THROUGH_APPLIANCE(Severity.WARNING),
  /** A VirtualAppliance route names an address no network interface in reach holds. */
  ROUTE_APPLIANCE_UNKNOWN(Severity.WARNING),
  /** A VirtualAppliance route points at a network interface without IP forwarding. */
  ROUTE_APPLIANCE_NOT_FORWARDING(Severity.WARNING),

  // ---- firewall (pgreach-firewall) ----
  /** A firewall rule is attached to a private-access (VNet-integrated) server; Azure rejects firewall operations there. */
  FIREWALL_RULE_ON_PRIVATE_ACCESS_SERVER(Severity.ERROR),
  /** Firewall rules exist but {@code publicNetworkAccess} is Disabled: they are kept, not enforced. */
  FIREWALL_RULES_NOT_ENFORCED(Severity.WARNING),
  /** Every address a firewall rule admits is admitted by other rules. */
  FIREWALL_RULE_REDUNDANT(Severity.ADVICE),
  /** A firewall rule, or several rules together, admit every IPv4 address. */
  FIREWALL_RULE_ALLOWS_ALL(Severity.WARNING),
  /** The 0.0.0.0 rule admits Azure-allocated addresses of every tenant, other customers' included. */
  FIREWALL_ALLOWS_AZURE_SERVICES(Severity.WARNING),
  /**
   * A firewall rule admits no public address ({@link AddressSet#PUBLIC}): connections reach a
   * server's public endpoint from public addresses only, so the rule admits nothing.
   */
  FIREWALL_RULE_ADMITS_NO_PUBLIC_ADDRESS(Severity.WARNING),
  /** Posture: a server has more firewall rules than the threshold the caller set. */
  FIREWALL_RULES_ABOVE_THRESHOLD(Severity.ADVICE),
  /** Posture: a server's firewall rules admit more public addresses than the threshold the caller set. */
  FIREWALL_PUBLIC_ADDRESSES_ABOVE_THRESHOLD(Severity.ADVICE),
  /** A security rule is never reached: higher-priority rules decide all of its traffic. */
  NSG_RULE_SHADOWED(Severity.ADVICE),
  /** A security rule denies TCP 5432 inside a flexible server's delegated subnet, which breaks high availability. */
  NSG_BLOCKS_SERVER_SUBNET(Severity.WARNING),
  /** Nothing allows outbound Storage (TCP 443) from a flexible server's subnet, which breaks WAL archiving. */
  NSG_BLOCKS_STORAGE_OUTBOUND(Severity.WARNING),
  /** A security rule toward a flexible server's subnet uses application security groups, which Azure does not support there. */
  NSG_APPLICATION_SECURITY_GROUP_UNSUPPORTED(Severity.ERROR),
  /** A security rule names a service tag whose ranges the model does not know. */
  NSG_SERVICE_TAG_UNKNOWN(Severity.ADVICE),
  /**
   * Posture: an inbound allow rule admits any source ({@code *}, {@code Internet}, {@code
   * 0.0.0.0/0}) to TCP 5432 or 6432.
   */
  NSG_ALLOWS_ANY_SOURCE_TO_POSTGRES(Severity.WARNING),
  /**
   * A network security group is associated with a GatewaySubnet: the gateway stops functioning
   * (Azure's built-in policy denies it).
   */
  NSG_ON_GATEWAY_SUBNET(Severity.ERROR),
  /**
   * Posture: a subnet holds clients or private endpoints but has no network security group (private
   * endpoints count only where their network policies apply groups).
   */
  SUBNET_WITHOUT_NSG(Severity.ADVICE),

  // ---- DNS (pgreach-dns) ----
  /** A VNet-integrated server's private DNS zone does not end with {@code .postgres.database.azure.com}. */
  PRIVATE_DNS_ZONE_NAME_INVALID(Severity.ERROR),
  /** A VNet-integrated server's private DNS zone is named {@code <server>.postgres.database.azure.com}. */
  PRIVATE_DNS_ZONE_IS_SERVER_NAME(Severity.ERROR),
  /** A server's private DNS zone is not linked to the server's own virtual network. */
  PRIVATE_DNS_ZONE_NOT_LINKED(Severity.WARNING),
  /** A server names a private DNS zone that is not in the model. */
  PRIVATE_DNS_ZONE_UNKNOWN(Severity.WARNING),
  /** The service profile wants one private DNS zone per server, named after the server. */
  PRIVATE_DNS_ZONE_NOT_PER_SERVER(Severity.WARNING),
  /** A virtual network is linked to two zones whose names are the same or overlap. */
  ZONE_LINKS_OVERLAP(Severity.ERROR),
  /** A virtual network has more than one registration (autoregistration) zone. */
  REGISTRATION_ZONES_MORE_THAN_ONE(Severity.ERROR),
  /** A zone is linked twice to the same virtual network. */
  ZONE_LINKED_TWICE(Severity.ERROR),
  /** A NxDomainRedirect resolution policy on a zone that is not a privatelink zone has no effect. */
  NXDOMAIN_REDIRECT_IGNORED(Severity.WARNING),
  /** A custom DNS server does not forward the server's names to 168.63.129.16. */
  CUSTOM_DNS_NOT_FORWARDING_TO_AZURE(Severity.WARNING),
  /** A DNS server or forwarder cannot be reached from the networks that use it. */
  DNS_SERVER_UNREACHABLE(Severity.WARNING),
  /** Clients in a virtual network need a private zone that is not linked to it. */
  VIRTUAL_NETWORK_NEEDS_ZONE_LINK(Severity.WARNING),
  /**
   * A VNet-integrated server's private DNS zone holds an A record at the server's name whose
   * address is outside the server's delegated subnet: it cannot be the server's address, so it is
   * not used as one.
   */
  PRIVATE_DNS_RECORD_OUTSIDE_SUBNET(Severity.WARNING),

  // ---- private endpoints and the whole estate (pgreach-privatelink) ----
  /** A private endpoint targets a VNet-integrated server, which Azure does not allow. */
  PRIVATE_ENDPOINT_ON_VNET_INTEGRATED_SERVER(Severity.ERROR),
  /** A private endpoint's connection is Pending: it carries no traffic until the server's owner approves it. */
  PRIVATE_ENDPOINT_PENDING(Severity.WARNING),
  /** A private endpoint's connection is Rejected: it carries no traffic. */
  PRIVATE_ENDPOINT_REJECTED(Severity.WARNING),
  /** A private endpoint's connection is Disconnected: it carries no traffic and should be deleted. */
  PRIVATE_ENDPOINT_DISCONNECTED(Severity.WARNING),
  /** A private endpoint is in another region than its virtual network. */
  PRIVATE_ENDPOINT_REGION_MISMATCH(Severity.ERROR),
  /** A private endpoint is in another region than its server, which the service profile does not support. */
  PRIVATE_ENDPOINT_CROSS_REGION_UNSUPPORTED(Severity.ERROR),
  /** The service profile does not support private endpoints on this server (HA, replicas, restore, public access). */
  PRIVATE_ENDPOINT_SERVER_UNSUPPORTED(Severity.ERROR),
  /** A private endpoint's DNS zone group names a zone other than {@code privatelink.postgres.database.azure.com}. */
  PRIVATE_ENDPOINT_ZONE_NOT_PRIVATELINK(Severity.WARNING),
  /** No privatelink zone holds an A record for an approved private endpoint's server. */
  PRIVATE_ENDPOINT_NO_DNS_RECORD(Severity.WARNING),
  /** A private endpoint's subnet has a network security group, but network policies are off, so it does not apply. */
  PRIVATE_ENDPOINT_NSG_NOT_APPLIED(Severity.ADVICE),
  /** A server name that had private endpoints is reused, which the service profile does not allow. */
  SERVER_NAME_REUSE_BLOCKED(Severity.ERROR),
  /**
   * A public-access server with {@code publicNetworkAccess} Enabled has neither firewall rules nor
   * approved private endpoints: nothing can reach it. (With public access Disabled, {@link
   * #PUBLIC_ACCESS_DISABLED_WITHOUT_PRIVATE_ENDPOINT}.)
   */
  SERVER_UNREACHABLE(Severity.WARNING),
  /**
   * Posture: a public-access server has {@code publicNetworkAccess} Disabled and no Approved private
   * endpoint connection: nothing can reach it.
   */
  PUBLIC_ACCESS_DISABLED_WITHOUT_PRIVATE_ENDPOINT(Severity.WARNING),

  // ---- comparison of two estates (pgreach-privatelink) ----
  /** A server's networking mode changed, which Azure does not allow after creation. */
  NETWORKING_MODE_CHANGED(Severity.ERROR),
  /**
   * A VNet-integrated server becomes a public-access (private-endpoint-capable) server: Azure does
   * this only through its network migration operation, which the message describes.
   */
  NETWORKING_MODE_MIGRATION_REQUIRED(Severity.WARNING),
  /** A VNet-integrated server moved to another virtual network or subnet, which Azure does not allow. */
  SERVER_MOVED(Severity.ERROR),
  /**
   * A template or plan changes a server whose state is {@code Updating}: Azure refuses control-plane
   * writes until the server is Ready again ("busy with other operations"), so the change fails.
   */
  SERVER_CHANGED_WHILE_UPDATING(Severity.ERROR),
  /** A subnet that holds resources changed its prefix, which Azure does not allow. */
  SUBNET_RESIZED_WITH_RESOURCES(Severity.ERROR);

  private final Severity severity;

  FindingCode(Severity severity) {
    this.severity = severity;
  }

  /**
   * Returns the severity findings with this code have.
   *
   * @return the severity
   */
  public Severity severity() {
    return severity;
  }
}
