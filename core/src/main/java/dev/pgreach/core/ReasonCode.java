package dev.pgreach.core;

/**
 * The stable code of one step of a trace. Codes are grouped by the module that produces them; they
 * are never renamed, removed or reused, and new ones are only added.
 */
public enum ReasonCode {
  // ---- routing (core) ----
  /** The effective route table chose a route for the destination. */
  ROUTE_SELECTED,
  /** The flow crossed a connected virtual network peering. */
  PEERING_CROSSED,
  /** The peering exists in one direction only (Initiated): it carries no traffic until the reverse link exists. */
  PEERING_NOT_CONNECTED,
  /** The local peering link has {@code allowVirtualNetworkAccess} off. */
  PEERING_ACCESS_DISABLED,
  /** The destination is reachable only through a peer of a peer: peering is not transitive. */
  PEERING_NOT_TRANSITIVE,
  /** The flow would cross a global (cross-region) peering to a VNet-integrated server, which the service profile does not support. */
  GLOBAL_PEERING_UNSUPPORTED,
  /** The flow crossed a VPN or ExpressRoute gateway between on-premises and a virtual network. */
  GATEWAY_CROSSED,
  /** The flow used the hub's gateway through a peering ({@code allowGatewayTransit} + {@code useRemoteGateways}). */
  GATEWAY_TRANSIT,
  /** The flow would need the hub's gateway, but gateway transit is not enabled on both peering links. */
  GATEWAY_TRANSIT_NOT_ENABLED,
  /** The on-premises network has no gateway connection to any virtual network in the model. */
  ON_PREMISES_NOT_CONNECTED,
  /** The flow left for the internet (or the Azure backbone) with a public source address. */
  INTERNET_EGRESS,
  /** No route leads to the destination. */
  NO_ROUTE,
  /** The chosen route's next hop is None: the traffic is dropped. */
  ROUTE_NONE,
  /** A user-defined route chose the next hop. */
  USER_DEFINED_ROUTE,
  /** A network virtual appliance forwarded the flow. */
  APPLIANCE_FORWARDED,
  /** The next-hop appliance does not have IP forwarding enabled, so it drops traffic not addressed to it. */
  APPLIANCE_NOT_FORWARDING,
  /** No network interface in reach holds the next-hop address of a VirtualAppliance route. */
  APPLIANCE_UNKNOWN,
  /** Forwarded traffic would cross a peering whose receiving link has {@code allowForwardedTraffic} off. */
  FORWARDED_TRAFFIC_NOT_ALLOWED,
  /** The route chain returns to a hop it has already visited. */
  ROUTING_LOOP,
  /** The flow arrived at the destination's network. */
  ARRIVED,

  // ---- the open world (every module) ----
  /**
   * A resource the answer depends on is outside the input: the input refers to it (a server's
   * delegated subnet, a subnet's network security group) but does not hold it, so its content is
   * not known.
   */
  OUTSIDE_INPUT,
  /**
   * An inventory the answer depends on is not observed: the input does not hold all of it (the
   * firewall rules of a server, the routes of a route table, the zones linked to a network), and
   * what is missing could decide the answer.
   */
  NOT_OBSERVED,
  /**
   * A setting the answer depends on is not known from the input (a value known only at
   * deployment, a server read with {@code properties: null}), and its possible values give
   * different answers.
   */
  SETTING_UNKNOWN,

  // ---- firewall (pgreach-firewall) ----
  /** The server's {@code publicNetworkAccess} is Disabled: the public endpoint admits nothing. */
  PUBLIC_NETWORK_ACCESS_DISABLED,
  /** A server firewall rule admits the source address. */
  FIREWALL_RULE_MATCHED,
  /** No server firewall rule admits the source address (default deny). */
  FIREWALL_NO_RULE_MATCHED,
  /** The 0.0.0.0 rule admits the source because it is an Azure-allocated address (of any tenant). */
  FIREWALL_AZURE_SERVICES_ALLOWED,
  /** A firewall change within the last five minutes decides this source; it may not have taken effect yet. */
  FIREWALL_CHANGE_PROPAGATING,
  /** The source address seen by the public endpoint is not known, and the rules do not admit every address. */
  FIREWALL_SOURCE_UNKNOWN,
  /** A network security group rule allowed the flow. */
  NSG_RULE_ALLOWED,
  /** A network security group rule denied the flow. */
  NSG_RULE_DENIED,
  /** A network security group rule may or may not match (an opaque service tag); failing closed. */
  NSG_RULE_UNDECIDED,
  /** A network security group does not apply to this flow (for example, to a private endpoint with network policies off). */
  NSG_NOT_APPLIED,

  // ---- DNS (pgreach-dns) ----
  /** A resolver was asked. */
  DNS_QUERY,
  /** A custom DNS server or resolver forwarded the query. */
  DNS_FORWARDED,
  /** A private DNS zone linked to the resolving virtual network answered. */
  DNS_PRIVATE_ZONE_ANSWERED,
  /** Public DNS answered. */
  DNS_PUBLIC_ANSWERED,
  /** A CNAME record was followed. */
  DNS_CNAME_FOLLOWED,
  /** The name does not exist (authoritative NXDOMAIN). */
  DNS_NXDOMAIN,
  /** A link with NxDomainRedirect sent an NXDOMAIN answer on to public DNS. */
  DNS_FALLBACK_TO_INTERNET,
  /** The resolver cannot be reached from the asker. */
  DNS_RESOLVER_UNREACHABLE,
  /** The resolver refuses the query (168.63.129.16 answers only queries from inside a virtual network). */
  DNS_RESOLVER_REFUSED,
  /** The CNAME chain returned to a name it had already visited. */
  DNS_CNAME_LOOP,
  /** The CNAME chain exceeded the depth limit. */
  DNS_DEPTH_EXCEEDED,
  /** A name resolved to an address. */
  DNS_ANSWER,
  /** DNS servers forward a query around a circle back to a server that is already forwarding it. */
  DNS_FORWARDING_LOOP,
  /**
   * Public DNS would answer, but the name is outside what the model knows (anything not under
   * {@code postgres.database.azure.com}); the answer is left open rather than guessed.
   */
  DNS_PUBLIC_NOT_MODELLED,
  /**
   * The name is a VNet-integrated server's own name in its private DNS zone, where Azure keeps the
   * server's A record, but the model does not know the server's private address (no {@code
   * privateAddress}, and no A record inside the server's delegated subnet); the answer is left
   * open rather than guessed.
   */
  DNS_SERVER_ADDRESS_UNKNOWN,

  // ---- connection (pgreach-privatelink) ----
  /** The destination address is a VNet-integrated server's private address. */
  FRONT_DOOR_SERVER_PRIVATE,
  /** The destination address is a private endpoint. */
  FRONT_DOOR_PRIVATE_ENDPOINT,
  /** The destination address is a server's public endpoint. */
  FRONT_DOOR_PUBLIC_ENDPOINT,
  /** Nothing in the model listens at the destination address. */
  FRONT_DOOR_NOTHING,
  /** The private endpoint's connection is Approved. */
  ENDPOINT_APPROVED,
  /** The private endpoint's connection is Pending, Rejected or Disconnected: it carries no traffic. */
  ENDPOINT_NOT_APPROVED,
  /** The port is served (5432, or 6432 with PgBouncer). */
  PORT_OPEN,
  /** Nothing listens on the port. */
  PORT_CLOSED,
  /** The TLS version offered is accepted. */
  TLS_ACCEPTED,
  /** The TLS versions offered are refused. */
  TLS_REFUSED,
  /** The client does not use TLS but the server requires secure transport. */
  TLS_REQUIRED,
  /** The session is not encrypted (require_secure_transport is off). */
  TLS_NOT_USED,
  /** Network access only opens the door: PostgreSQL authentication still applies. */
  AUTHENTICATION_REQUIRED,
  /** The client connects by address; Azure does not guarantee a server's address stays the same. */
  ADDRESS_NOT_STATIC,
  /**
   * The address answers for a different server than the host name names: a private endpoint
   * reaches only its own server, so the session would not reach the server asked for.
   */
  FRONT_DOOR_OTHER_SERVER,
  /** A DNS server failed to answer (unreachable, refused, looping) and the host tried its next DNS server. */
  DNS_ATTEMPT_FAILED,
  /**
   * The server's public address is unknown and user-defined routes treat parts of the public
   * address space differently, so the path to the public endpoint cannot be decided.
   */
  PUBLIC_ENDPOINT_ROUTE_UNKNOWN,
  /**
   * Under the service profile, a server with private endpoints is not publicly accessible: its
   * public endpoint admits nothing (the 2021 Private Link preview).
   */
  PUBLIC_ACCESS_EXCLUDED_BY_PRIVATE_ENDPOINTS,
  /**
   * A route table on the path sends a service tag (such as {@code AzureCloud}) somewhere, and
   * whether the public destination is one of the tag's addresses is not known.
   */
  SERVICE_TAG_ROUTE_UNDECIDED,
  /** The server is stopped, disabled, being deleted or inaccessible: it accepts no connection. */
  SERVER_NOT_RUNNING,
  /** The server is starting, updating, restarting or being created: it may be unavailable while it does. */
  SERVER_STATE_CHANGING,
  /** The private endpoint's connection state is not known from the input (approval may be automatic or manual). */
  ENDPOINT_STATE_UNKNOWN,
  /**
   * The question concerns a session established at an earlier instant: network security groups are
   * stateful, so it is judged by the rules in force when it was established, and no rule on its
   * path changed since.
   */
  SESSION_ESTABLISHED,
  /**
   * A security rule on the path of an established session changed after the session was
   * established: the session continues if the rules in force then admitted it, and the rule as it
   * was before its change is not known.
   */
  SECURITY_RULE_CHANGED_SINCE_ESTABLISHED
}
