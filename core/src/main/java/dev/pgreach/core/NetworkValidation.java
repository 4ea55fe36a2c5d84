package dev.pgreach.core;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validation of the network part of an estate: what Azure would reject, and what it would accept
 * but not honour.
 *
 * <p>Checked here, each with a stable {@link FindingCode}:
 *
 * <ul>
 *   <li>address spaces: a network's prefixes do not overlap; subnets lie inside the space, do not
 *       overlap their siblings, and are at least /29;
 *   <li>peerings: not to the network itself; both directions exist; the remote network is known;
 *       peered spaces do not overlap; gateway transit is configured on both sides, with a gateway,
 *       once per network;
 *   <li>addresses: network interfaces and servers sit inside their subnet, not on one of the five
 *       reserved addresses, and no address is held twice in a network;
 *   <li>private-access servers: the subnet is delegated to {@code
 *       Microsoft.DBforPostgreSQL/flexibleServers}, holds nothing else, is not a reserved subnet
 *       name, is at least /28 and has room (5 reserved addresses, 4 per HA server, 1 otherwise);
 *       the network is in the server's region; a private DNS zone is set; {@code
 *       publicNetworkAccess} Enabled is silently ignored;
 *   <li>server settings the profile does not support: switching public access off, turning {@code
 *       require_secure_transport} off, TLS versions, PgBouncer on Burstable;
 *   <li>user routes: appliances that no interface holds or that do not forward, and a flexible
 *       server subnet whose own traffic goes through an appliance.
 * </ul>
 *
 * <p>Server names are checked when a {@link FlexibleServer} is built ({@link
 * ErrorCode#INVALID_SERVER_NAME}); a name Azure rejects can never reach validation.
 *
 * <pre>{@code
 * for (Finding f : NetworkValidation.validate(network, ServiceProfile.current())) {
 *   System.out.println(f);
 * }
 * }</pre>
 */
public final class NetworkValidation {
  /** The smallest subnet Azure creates. */
  public static final int MAX_SUBNET_PREFIX_LENGTH = 29;

  /** The smallest subnet a flexible server with private access accepts. */
  public static final int MAX_SERVER_SUBNET_PREFIX_LENGTH = 28;

  private NetworkValidation() {}

  /**
   * Validates a network under a service profile.
   *
   * @param network the network
   * @param profile the profile whose rules apply
   * @return the findings, sorted (resource, code, field, value)
   */
  public static ImmutableList<Finding> validate(Network network, ServiceProfile profile) {
    Checks.notNull(network, "NetworkValidation.validate.network");
    Checks.notNull(profile, "NetworkValidation.validate.profile");
    List<Finding> out = new ArrayList<>();
    for (VirtualNetwork v : network.virtualNetworks()) {
      addressSpaces(v, out);
      peerings(network, v, out);
    }
    addresses(network, out);
    java.util.Map<ServerName, ResourceId> names = new java.util.HashMap<>();
    for (FlexibleServer s : network.flexibleServers()) {
      server(network, profile, s, out);
      ResourceId other = names.putIfAbsent(s.name(), s.id());
      if (other != null) {
        out.add(
            Finding.of(
                FindingCode.SERVER_NAME_NOT_UNIQUE,
                s.id(),
                "name",
                s.name(),
                "Server " + other + " has the same name; server names are global, since " + s.fullyQualifiedDomainName() + " names one server."));
      }
    }
    Reachability links = Reachability.of(network, profile);
    for (GatewayConnection c : network.gatewayConnections()) {
      if (c.connectionType() == GatewayConnection.ConnectionType.VNET_TO_VNET && !links.bothWays(c.virtualNetworkGateway(), c.remote())) {
        out.add(
            Finding.of(
                FindingCode.VNET_TO_VNET_ONE_DIRECTION,
                c.id(),
                "remote",
                c.remote(),
                "There is no connection from " + c.remote().name() + " back to " + c.virtualNetworkGateway().name()
                    + ": a VNet-to-VNet tunnel needs one from each gateway, with the same shared key, and carries nothing until then."));
      }
    }
    delegatedSubnets(network, out);
    routes(network, profile, out);
    onPremises(network, out);
    return ImmutableList.sortedCopyOf(out);
  }

  private static void addressSpaces(VirtualNetwork v, List<Finding> out) {
    ImmutableList<Ipv4Prefix> space = v.addressSpace();
    for (int i = 0; i < space.size(); i++) {
      for (int j = i + 1; j < space.size(); j++) {
        if (space.get(i).overlaps(space.get(j))) {
          out.add(
              Finding.of(
                  FindingCode.ADDRESS_SPACES_OVERLAP,
                  v.id(),
                  "addressSpace",
                  space.get(j),
                  "Address prefixes " + space.get(i) + " and " + space.get(j) + " of " + v.name() + " overlap."));
        }
      }
    }
    ImmutableList<Subnet> subnets = v.subnets();
    for (int i = 0; i < subnets.size(); i++) {
      Subnet s = subnets.get(i);
      if (!v.addresses().containsAll(s.addressPrefix().toAddressSet())) {
        out.add(
            Finding.of(
                FindingCode.SUBNET_OUTSIDE_ADDRESS_SPACE,
                s.id(),
                "addressPrefix",
                s.addressPrefix(),
                "Subnet " + s.name() + " (" + s.addressPrefix() + ") is not inside the address space of " + v.name() + " (" + v.addresses() + ")."));
      }
      if (s.addressPrefix().length() > MAX_SUBNET_PREFIX_LENGTH) {
        out.add(
            Finding.of(
                FindingCode.SUBNET_TOO_SMALL,
                s.id(),
                "addressPrefix",
                s.addressPrefix(),
                "Subnet " + s.name() + " is /" + s.addressPrefix().length() + "; the smallest IPv4 subnet Azure creates is /29."));
      }
      for (int j = i + 1; j < subnets.size(); j++) {
        Subnet t = subnets.get(j);
        if (s.addressPrefix().overlaps(t.addressPrefix())) {
          out.add(
              Finding.of(
                  FindingCode.SUBNETS_OVERLAP,
                  t.id(),
                  "addressPrefix",
                  t.addressPrefix(),
                  "Subnet " + t.name() + " (" + t.addressPrefix() + ") overlaps subnet " + s.name() + " (" + s.addressPrefix() + ")."));
        }
      }
    }
  }

  private static void peerings(Network network, VirtualNetwork v, List<Finding> out) {
    int remoteGatewayLinks = 0;
    for (VirtualNetworkPeering p : v.virtualNetworkPeerings()) {
      if (p.remoteVirtualNetwork().equals(v.id())) {
        out.add(Finding.of(FindingCode.PEERING_TO_SELF, p.id(), "remoteVirtualNetwork", p.remoteVirtualNetwork(), "A virtual network cannot be peered with itself."));
        continue;
      }
      Optional<VirtualNetwork> remote = network.virtualNetwork(p.remoteVirtualNetwork());
      if (remote.isEmpty()) {
        out.add(
            Finding.of(
                FindingCode.PEERING_REMOTE_UNKNOWN,
                p.id(),
                "remoteVirtualNetwork",
                p.remoteVirtualNetwork(),
                "The remote virtual network is not in the model; pgreach treats nothing as reachable through this peering."));
        continue;
      }
      VirtualNetwork w = remote.get();
      Optional<VirtualNetworkPeering> reverse = w.peeringTo(v.id());
      if (reverse.isEmpty()) {
        out.add(
            Finding.of(
                FindingCode.PEERING_ONE_DIRECTION,
                p.id(),
                "remoteVirtualNetwork",
                w.id(),
                "Peering " + p.name() + " has no reverse link from " + w.name() + " to " + v.name() + ": it stays Initiated and carries no traffic."));
      }
      // Report overlaps once per pair, from the side with the smaller id.
      if (v.id().compareTo(w.id()) < 0 || w.peeringTo(v.id()).isEmpty()) {
        AddressSet overlap = v.addresses().intersection(w.addresses());
        if (!overlap.isEmpty()) {
          out.add(
              Finding.of(
                  FindingCode.PEERED_ADDRESS_SPACES_OVERLAP,
                  p.id(),
                  "remoteVirtualNetwork",
                  w.id(),
                  "Peered networks " + v.name() + " and " + w.name() + " overlap in " + overlap + "; Azure does not peer overlapping address spaces."));
        }
      }
      if (p.useRemoteGateways()) {
        remoteGatewayLinks++;
        if (!network.gatewaysIn(v.id()).isEmpty()) {
          out.add(
              Finding.of(
                  FindingCode.USE_REMOTE_GATEWAYS_WITH_LOCAL_GATEWAY,
                  p.id(),
                  "useRemoteGateways",
                  true,
                  v.name() + " has its own gateway, so it cannot use " + w.name() + "'s gateway."));
        }
        if (network.gatewaysIn(w.id()).isEmpty()) {
          out.add(
              Finding.of(
                  FindingCode.USE_REMOTE_GATEWAYS_WITHOUT_GATEWAY,
                  p.id(),
                  "useRemoteGateways",
                  true,
                  v.name() + " uses remote gateways, but " + w.name() + " has no gateway."));
        } else if (!reverse.map(VirtualNetworkPeering::allowGatewayTransit).orElse(false)) {
          out.add(
              Finding.of(
                  FindingCode.USE_REMOTE_GATEWAYS_WITHOUT_TRANSIT,
                  p.id(),
                  "useRemoteGateways",
                  true,
                  v.name() + " uses remote gateways, but " + w.name() + "'s link does not allow gateway transit: the spoke gets no routes through the hub's gateway."));
        }
      }
    }
    if (remoteGatewayLinks > 1) {
      out.add(
          Finding.of(
              FindingCode.USE_REMOTE_GATEWAYS_MORE_THAN_ONCE,
              v.id(),
              "virtualNetworkPeerings",
              remoteGatewayLinks,
              "Only one peering of a virtual network may use remote gateways; " + v.name() + " has " + remoteGatewayLinks + "."));
    }
  }

  /** Private addresses held by interfaces and servers: inside the subnet, not reserved, not shared. */
  private static void addresses(Network network, List<Finding> out) {
    Map<ResourceId, Map<Ipv4Address, ResourceId>> holders = new HashMap<>();
    List<Holder> all = new ArrayList<>();
    for (NetworkInterface n : network.networkInterfaces()) {
      all.add(new Holder(n.id(), n.subnet(), n.privateAddress(), "privateAddress"));
    }
    for (FlexibleServer s : network.flexibleServers()) {
      if (s.delegatedSubnet().isPresent() && s.privateAddress().isPresent()) {
        all.add(new Holder(s.id(), s.delegatedSubnet().get(), s.privateAddress().get(), "privateAddress"));
      }
    }
    all.sort((a, b) -> a.resource.compareTo(b.resource));
    for (Holder h : all) {
      Subnet subnet = network.subnet(h.subnet).orElseThrow();
      if (!subnet.addressPrefix().contains(h.address)) {
        out.add(
            Finding.of(
                FindingCode.ADDRESS_OUTSIDE_SUBNET,
                h.resource,
                h.field,
                h.address,
                h.address + " is outside subnet " + subnet.name() + " (" + subnet.addressPrefix() + ")."));
        continue;
      }
      if (subnet.reservedAddresses().contains(h.address)) {
        out.add(
            Finding.of(
                FindingCode.ADDRESS_RESERVED,
                h.resource,
                h.field,
                h.address,
                h.address + " is one of the five addresses Azure reserves in subnet " + subnet.name() + " (" + subnet.reservedAddresses() + ")."));
      }
      ResourceId vnet = subnet.virtualNetwork();
      ResourceId previous = holders.computeIfAbsent(vnet, k -> new HashMap<>()).putIfAbsent(h.address, h.resource);
      if (previous != null) {
        out.add(
            Finding.of(
                FindingCode.ADDRESS_IN_USE,
                h.resource,
                h.field,
                h.address,
                h.address + " is already held by " + previous + " in " + vnet.name() + "."));
      }
    }
  }

  private record Holder(ResourceId resource, ResourceId subnet, Ipv4Address address, String field) {}

  private static void server(Network network, ServiceProfile profile, FlexibleServer s, List<Finding> out) {
    if (s.isVnetIntegrated()) {
      Subnet subnet = network.subnet(s.delegatedSubnet().get()).orElseThrow();
      VirtualNetwork vnet = network.virtualNetworkOf(subnet.id());
      if (subnet.delegation().isEmpty()) {
        out.add(
            Finding.of(
                FindingCode.SERVER_SUBNET_NOT_DELEGATED,
                s.id(),
                "delegatedSubnet",
                subnet.id(),
                "Subnet " + subnet.name() + " is not delegated; a private-access server needs a subnet delegated to " + Subnet.FLEXIBLE_SERVER_DELEGATION + "."));
      } else if (!subnet.isDelegatedToFlexibleServers()) {
        out.add(
            Finding.of(
                FindingCode.SERVER_SUBNET_DELEGATED_ELSEWHERE,
                s.id(),
                "delegatedSubnet",
                subnet.id(),
                "Subnet " + subnet.name() + " is delegated to " + subnet.delegation().get() + "; only subnets delegated to " + Subnet.FLEXIBLE_SERVER_DELEGATION + " can hold a flexible server."));
      }
      if (Subnet.RESERVED_NAMES.stream().anyMatch(n -> n.equalsIgnoreCase(subnet.name()))) {
        out.add(
            Finding.of(
                FindingCode.SERVER_SUBNET_RESERVED_NAME,
                s.id(),
                "delegatedSubnet",
                subnet.id(),
                "Subnet name " + subnet.name() + " is reserved for an Azure service and cannot hold a flexible server."));
      }
      if (subnet.addressPrefix().length() > MAX_SERVER_SUBNET_PREFIX_LENGTH) {
        out.add(
            Finding.of(
                FindingCode.SERVER_SUBNET_TOO_SMALL,
                s.id(),
                "delegatedSubnet",
                subnet.addressPrefix(),
                "Subnet " + subnet.name() + " is /" + subnet.addressPrefix().length() + "; a flexible server needs at least a /28."));
      }
      if (!vnet.region().equals(s.region())) {
        out.add(
            Finding.of(
                FindingCode.SERVER_REGION_MISMATCH,
                s.id(),
                "region",
                s.region(),
                "The server is in " + s.region() + " but its virtual network " + vnet.name() + " is in " + vnet.region() + "; they must be in the same region."));
      }
      if (s.privateDnsZone().isEmpty()) {
        out.add(
            Finding.of(
                FindingCode.SERVER_PRIVATE_DNS_ZONE_MISSING,
                s.id(),
                "privateDnsZone",
                "none",
                "A private-access server needs a private DNS zone; without one its name does not resolve."));
      }
      if (s.publicNetworkAccess() == PublicNetworkAccess.ENABLED) {
        out.add(
            Finding.of(
                FindingCode.PUBLIC_NETWORK_ACCESS_IGNORED,
                s.id(),
                "publicNetworkAccess",
                PublicNetworkAccess.ENABLED,
                "A VNet-integrated server has no public endpoint; Azure silently ignores publicNetworkAccess Enabled."));
      }
    } else if (s.publicNetworkAccess() == PublicNetworkAccess.DISABLED && !profile.publicNetworkAccessConfigurable()) {
      out.add(
          Finding.of(
              FindingCode.PUBLIC_NETWORK_ACCESS_TOGGLE_UNSUPPORTED,
              s.id(),
              "publicNetworkAccess",
              PublicNetworkAccess.DISABLED,
              "Under the " + profile.name() + " profile a public-access server cannot switch publicNetworkAccess off."));
    }
    if (!s.requireSecureTransport() && !profile.requireSecureTransportConfigurable()) {
      out.add(
          Finding.of(
              FindingCode.SECURE_TRANSPORT_NOT_OPTIONAL,
              s.id(),
              "requireSecureTransport",
              false,
              "Under the " + profile.name() + " profile the server only accepts encrypted connections; require_secure_transport OFF is not honoured."));
    }
    if (!profile.supportsTls(s.sslMinProtocolVersion())) {
      boolean tooLow = s.sslMinProtocolVersion().compareTo(TlsVersion.TLS_1_2) < 0;
      out.add(
          Finding.of(
              FindingCode.TLS_VERSION_UNSUPPORTED,
              s.id(),
              "sslMinProtocolVersion",
              s.sslMinProtocolVersion().parameterValue(),
              tooLow
                  ? "TLS 1.0 and 1.1 are always denied; the effective minimum is TLS 1.2."
                  : "The " + profile.name() + " profile does not support " + s.sslMinProtocolVersion().parameterValue() + "; no client can connect with TLS."));
    }
    if (s.pgBouncerEnabled() && s.tier() == ServerTier.BURSTABLE) {
      out.add(
          Finding.of(
              FindingCode.PGBOUNCER_UNAVAILABLE,
              s.id(),
              "pgBouncerEnabled",
              true,
              "The built-in PgBouncer is not offered on the Burstable tier; nothing listens on port 6432."));
    }
  }

  /** Delegated subnets: nothing but flexible servers in them, and room for all of them. */
  private static void delegatedSubnets(Network network, List<Finding> out) {
    for (VirtualNetwork v : network.virtualNetworks()) {
      for (Subnet subnet : v.subnets()) {
        ImmutableList<FlexibleServer> servers = network.flexibleServersIn(subnet.id());
        if (!subnet.isDelegatedToFlexibleServers() && servers.isEmpty()) {
          continue;
        }
        for (NetworkInterface n : network.networkInterfacesIn(subnet.id())) {
          out.add(
              Finding.of(
                  FindingCode.SERVER_SUBNET_SHARED,
                  subnet.id(),
                  "networkInterfaces",
                  n.id(),
                  "Subnet " + subnet.name() + " is for flexible servers only, but network interface " + n.name() + " is in it."));
        }
        long needed = servers.stream().mapToLong(s -> s.highAvailability().isEnabled() ? 4 : 1).sum();
        if (needed > subnet.usableAddressCount()) {
          out.add(
              Finding.of(
                  FindingCode.SERVER_SUBNET_FULL,
                  subnet.id(),
                  "addressPrefix",
                  subnet.addressPrefix(),
                  "Subnet " + subnet.name() + " has " + subnet.usableAddressCount() + " usable addresses (5 are reserved) but its "
                      + servers.size() + " server(s) need " + needed + " (4 per HA server, 1 otherwise)."));
        }
      }
    }
  }

  private static void routes(Network network, ServiceProfile profile, List<Finding> out) {
    Reachability routing = Reachability.of(network, profile);
    for (VirtualNetwork v : network.virtualNetworks()) {
      for (Subnet subnet : v.subnets()) {
        if (subnet.routeTable().isEmpty()) {
          continue;
        }
        RouteTable table = network.routeTable(subnet.routeTable().get()).orElseThrow();
        for (Route r : table.routes()) {
          if (r.nextHopType() != NextHopType.VIRTUAL_APPLIANCE) {
            continue;
          }
          Ipv4Address a = r.nextHopIpAddress().orElseThrow();
          Optional<NetworkInterface> nic =
              network.networkInterfaces().stream().filter(n -> n.privateAddress().equals(a) && reaches(network, v, n)).findFirst();
          if (nic.isEmpty()) {
            out.add(
                Finding.of(
                    FindingCode.ROUTE_APPLIANCE_UNKNOWN,
                    table.id(),
                    "routes[" + r.name() + "].nextHopIpAddress",
                    a,
                    "No network interface in " + v.name() + " or its connected peers holds " + a + "; traffic on route " + r.name() + " is dropped."));
          } else if (!nic.get().enableIpForwarding()) {
            out.add(
                Finding.of(
                    FindingCode.ROUTE_APPLIANCE_NOT_FORWARDING,
                    table.id(),
                    "routes[" + r.name() + "].nextHopIpAddress",
                    a,
                    "Network interface " + nic.get().name() + " holds " + a + " but does not have IP forwarding enabled; it drops traffic on route " + r.name() + "."));
          }
        }
        if (subnet.isDelegatedToFlexibleServers()) {
          entraId(routing, subnet, table, out);
          serverSubnetThroughAppliance(routing, subnet, table, out);
        }
      }
    }
  }

  /**
   * A flexible server subnet whose own traffic (any part of it) goes to an appliance: the subnet is
   * cut at every user route's boundaries and each piece's route is checked.
   */
  private static void serverSubnetThroughAppliance(Reachability routing, Subnet subnet, RouteTable table, List<Finding> out) {
    java.util.TreeSet<Long> starts = new java.util.TreeSet<>();
    starts.add(subnet.addressPrefix().first().toLong());
    for (Route r : table.routes()) {
      if (r.addressPrefix().overlaps(subnet.addressPrefix())) {
        starts.add(Math.max(r.addressPrefix().first().toLong(), subnet.addressPrefix().first().toLong()));
        long after = r.addressPrefix().last().toLong() + 1;
        if (after <= subnet.addressPrefix().last().toLong()) {
          starts.add(after);
        }
      }
    }
    java.util.Set<String> reported = new java.util.HashSet<>();
    for (long start : starts) {
      EffectiveRoute route = routing.selectRoute(subnet.id(), Ipv4Address.ofLong(start));
      if (route.nextHopType() == NextHopType.VIRTUAL_APPLIANCE && reported.add(route.name())) {
        out.add(
            Finding.of(
                FindingCode.ROUTE_SERVER_SUBNET_THROUGH_APPLIANCE,
                table.id(),
                "routes[" + route.name() + "]",
                route.addressPrefix(),
                "Route " + route.name() + " sends traffic inside the flexible server subnet " + subnet.name() + " ("
                    + subnet.addressPrefix().toAddressSet().intersection(route.addressPrefix().toAddressSet())
                    + ") through an appliance, which breaks replication; add a route for " + subnet.addressPrefix() + " with next hop VirtualNetwork."));
      }
    }
  }

  /** The public address used to probe where a subnet sends internet-bound traffic (TEST-NET-3 is never routed specially). */
  private static final Ipv4Address PUBLIC_PROBE = Ipv4Address.parse("203.0.113.1");

  /**
   * A server subnet whose internet-bound traffic goes to an appliance needs a service-tag route
   * {@code AzureActiveDirectory → Internet}, or Microsoft Entra ID sign-in goes through the appliance.
   */
  private static void entraId(Reachability routing, Subnet subnet, RouteTable table, List<Finding> out) {
    EffectiveRoute internetBound = routing.selectRoute(subnet.id(), PUBLIC_PROBE);
    if (internetBound.nextHopType() != NextHopType.VIRTUAL_APPLIANCE) {
      return;
    }
    boolean exempt =
        table.serviceTagRoutes().stream()
            .anyMatch(r -> r.serviceTag().equalsIgnoreCase("AzureActiveDirectory") && r.nextHopType() == NextHopType.INTERNET);
    if (!exempt) {
      out.add(
          Finding.of(
              FindingCode.ROUTE_ENTRA_ID_THROUGH_APPLIANCE,
              table.id(),
              "routes[" + internetBound.name() + "]",
              internetBound.addressPrefix(),
              "Route " + internetBound.name() + " sends the flexible server subnet " + subnet.name()
                  + "'s internet-bound traffic, Microsoft Entra ID included, to an appliance; add a route AzureActiveDirectory -> Internet."));
    }
  }

  private static boolean reaches(Network network, VirtualNetwork v, NetworkInterface n) {
    VirtualNetwork owner = network.virtualNetworkOf(n.subnet());
    return owner.id().equals(v.id())
        || (v.peeringTo(owner.id()).isPresent() && owner.peeringTo(v.id()).isPresent());
  }

  private static void onPremises(Network network, List<Finding> out) {
    for (GatewayConnection c : network.gatewayConnections()) {
      Optional<OnPremisesNetwork> onPremises = network.onPremisesNetwork(c.remote());
      if (onPremises.isEmpty()) {
        continue;
      }
      VirtualNetworkGateway g = network.virtualNetworkGateway(c.virtualNetworkGateway()).orElseThrow();
      VirtualNetwork v = network.virtualNetwork(g.virtualNetwork()).orElseThrow();
      AddressSet overlap = onPremises.get().addresses().intersection(v.addresses());
      if (!overlap.isEmpty()) {
        out.add(
            Finding.of(
                FindingCode.ON_PREMISES_OVERLAPS_VIRTUAL_NETWORK,
                onPremises.get().id(),
                "addressPrefixes",
                overlap,
                "On-premises network " + onPremises.get().name() + " overlaps " + v.name() + " in " + overlap + "; those addresses are routed inside the virtual network."));
      }
    }
  }
}
