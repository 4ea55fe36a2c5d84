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
 *       publicNetworkAccess} Enabled is refused under a profile where Azure rejects it ({@link
 *       FindingCode#PUBLIC_NETWORK_ACCESS_CONFLICTS_WITH_VNET_INTEGRATION}, {@code current}) and
 *       silently ignored otherwise ({@link FindingCode#PUBLIC_NETWORK_ACCESS_IGNORED});
 *   <li>server settings the profile does not support: switching public access off, turning {@code
 *       require_secure_transport} off, TLS versions, PgBouncer on Burstable;
 *   <li>user routes: appliances that no interface holds or that do not forward, and a flexible
 *       server subnet whose own traffic goes through an appliance;
 *   <li>posture: public network access enabled on a public-access server ({@link
 *       FindingCode#PUBLIC_NETWORK_ACCESS_ENABLED}, advice).
 * </ul>
 *
 * <p><b>Open world.</b> Validation reports what the input proves. A check that needs a resource
 * outside the input, or a setting the input does not show, is not made. A finding that relies on
 * the absence of something (no reverse peering, no gateway, no interface holding an appliance's
 * address, no route overriding another) is a warning or an error only when the input shows the
 * collection it looks in in full ({@link Coverage#isComplete}); otherwise it is {@link
 * Finding#notInInput advice} naming what is not in the input. So removing any resource from an
 * input never adds a finding of severity warning or error: those of a partial input are among
 * those of the whole (same code, resource, field and value). On a network built in Java (whole
 * by default) every check is made as a fact.
 *
 * <p><b>Cost.</b> With n the number of resources: address spaces and subnets are swept in address
 * order (O(n log n)); peerings, addresses and delegated subnets use the network's indices (O(n log
 * n)); appliance routes look their next hop up in an index of interface addresses (O(r log n) for
 * r routes); a server subnet's own traffic is checked once per boundary of the user routes that
 * cut it (O(r log r) per subnet).
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
    return validate(Reachability.of(network, profile));
  }

  /**
   * Validates the network a routing was compiled for, under its profile, with that routing (so a
   * caller who validates several parts of an estate compiles routing once).
   *
   * @param routing the routing of the network
   * @return the findings, sorted (resource, code, field, value)
   */
  public static ImmutableList<Finding> validate(Reachability routing) {
    Checks.notNull(routing, "NetworkValidation.validate.routing");
    Network network = routing.network();
    ServiceProfile profile = routing.profile();
    List<Finding> out = new ArrayList<>();
    Coverage coverage = network.coverage();
    Map<ResourceId, Map<ResourceId, VirtualNetworkPeering>> links = new HashMap<>();
    for (VirtualNetwork v : network.virtualNetworks()) {
      Map<ResourceId, VirtualNetworkPeering> from = links.computeIfAbsent(v.id(), k -> new HashMap<>());
      for (VirtualNetworkPeering p : v.virtualNetworkPeerings()) {
        from.putIfAbsent(p.remoteVirtualNetwork(), p); // the first link, as VirtualNetwork.peeringTo finds it
      }
    }
    for (VirtualNetwork v : network.virtualNetworks()) {
      addressSpaces(v, out);
      peerings(network, v, links, out);
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
    for (GatewayConnection c : network.gatewayConnections()) {
      if (c.connectionType() == GatewayConnection.ConnectionType.VNET_TO_VNET && !routing.bothWays(c.virtualNetworkGateway(), c.remote())) {
        Finding f =
            Finding.of(
                FindingCode.VNET_TO_VNET_ONE_DIRECTION,
                c.id(),
                "remote",
                c.remote(),
                "There is no connection from " + c.remote().name() + " back to " + c.virtualNetworkGateway().name()
                    + ": a VNet-to-VNet tunnel needs one from each gateway, with the same shared key, and carries nothing until then.");
        out.add(
            coverage.isComplete(Inventory.CONNECTIONS, c.remote())
                ? f
                : f.notInInput(Inventory.CONNECTIONS.of("gateway " + c.remote().name()) + " are not all observed"));
      }
    }
    delegatedSubnets(network, out);
    routes(network, routing, out);
    onPremises(network, out);
    return ImmutableList.sortedCopyOf(out);
  }

  private static void addressSpaces(VirtualNetwork v, List<Finding> out) {
    ImmutableList<Ipv4Prefix> space = v.addressSpace();
    List<Integer> spaceOrder = byAddress(space.size(), space::get);
    overlaps(spaceOrder, space::get, (i, j) -> out.add(
        Finding.of(
            FindingCode.ADDRESS_SPACES_OVERLAP,
            v.id(),
            "addressSpace",
            space.get(j),
            "Address prefixes " + space.get(i) + " and " + space.get(j) + " of " + v.name() + " overlap.")));
    ImmutableList<Subnet> subnets = v.subnets();
    for (Subnet s : subnets) {
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
    }
    List<Integer> subnetOrder = byAddress(subnets.size(), i -> subnets.get(i).addressPrefix());
    overlaps(subnetOrder, i -> subnets.get(i).addressPrefix(), (i, j) -> {
      Subnet s = subnets.get(i);
      Subnet t = subnets.get(j);
      out.add(
          Finding.of(
              FindingCode.SUBNETS_OVERLAP,
              t.id(),
              "addressPrefix",
              t.addressPrefix(),
              "Subnet " + t.name() + " (" + t.addressPrefix() + ") overlaps subnet " + s.name() + " (" + s.addressPrefix() + ")."));
    });
  }

  /** The indices 0..n-1 ordered by their prefix's first address, then by index. */
  private static List<Integer> byAddress(int n, java.util.function.IntFunction<Ipv4Prefix> prefix) {
    List<Integer> order = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    order.sort(java.util.Comparator.comparing((Integer i) -> prefix.apply(i).first()).thenComparing(i -> i));
    return order;
  }

  /**
   * Calls {@code pair(i, j)} with {@code i < j} for every two overlapping prefixes, in one sweep in
   * address order: prefixes overlap only by nesting, so the prefixes still open at any address
   * form a chain of at most 33, and the sweep costs O(n log n) plus the overlaps reported.
   */
  private static void overlaps(List<Integer> order, java.util.function.IntFunction<Ipv4Prefix> prefix, java.util.function.BiConsumer<Integer, Integer> pair) {
    java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
    for (int k : order) {
      Ipv4Prefix p = prefix.apply(k);
      while (!open.isEmpty() && prefix.apply(open.peekLast()).last().compareTo(p.first()) < 0) {
        open.pollLast();
      }
      for (int o : open) {
        pair.accept(Math.min(o, k), Math.max(o, k));
      }
      open.addLast(k);
    }
  }

  private static void peerings(
      Network network, VirtualNetwork v, Map<ResourceId, Map<ResourceId, VirtualNetworkPeering>> links, List<Finding> out) {
    Coverage coverage = network.coverage();
    int remoteGatewayLinks = 0;
    for (VirtualNetworkPeering p : v.virtualNetworkPeerings()) {
      if (p.remoteVirtualNetwork().equals(v.id())) {
        out.add(Finding.of(FindingCode.PEERING_TO_SELF, p.id(), "remoteVirtualNetwork", p.remoteVirtualNetwork(), "A virtual network cannot be peered with itself."));
        continue;
      }
      if (p.useRemoteGateways()) {
        remoteGatewayLinks++;
      }
      Optional<VirtualNetwork> remote = network.virtualNetwork(p.remoteVirtualNetwork());
      if (remote.isEmpty()) {
        Finding f =
            Finding.of(
                FindingCode.PEERING_REMOTE_UNKNOWN,
                p.id(),
                "remoteVirtualNetwork",
                p.remoteVirtualNetwork(),
                "The remote virtual network is not in the model; pgreach treats nothing as reachable through this peering.");
        // In a closed world the model holds every network there is, and routing takes nothing
        // through the peering; in an open one the remote is merely not in the input, and routing
        // answers through it as unknown.
        out.add(
            !coverage.isOpen()
                ? f
                : f.notInInput("remote virtual network " + coverage.describe(p.remoteVirtualNetwork()) + " is not in the input"));
        if (p.useRemoteGateways() && !network.gatewaysIn(v.id()).isEmpty()) {
          out.add(localGateway(v, p, p.remoteVirtualNetwork().name()));
        }
        continue;
      }
      VirtualNetwork w = remote.get();
      boolean remotePeeringsKnown = coverage.isComplete(Inventory.VIRTUAL_NETWORK_PEERINGS, w.id());
      String remotePeerings = Inventory.VIRTUAL_NETWORK_PEERINGS.of(w.name()) + " are not all observed";
      Optional<VirtualNetworkPeering> reverse = Optional.ofNullable(links.getOrDefault(w.id(), Map.of()).get(v.id()));
      if (reverse.isEmpty()) {
        Finding f =
            Finding.of(
                FindingCode.PEERING_ONE_DIRECTION,
                p.id(),
                "remoteVirtualNetwork",
                w.id(),
                "Peering " + p.name() + " has no reverse link from " + w.name() + " to " + v.name() + ": it stays Initiated and carries no traffic.");
        out.add(remotePeeringsKnown ? f : f.notInInput(remotePeerings));
      }
      // Report overlaps once per pair, from the side with the smaller id.
      if (v.id().compareTo(w.id()) < 0 || reverse.isEmpty()) {
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
        if (!network.gatewaysIn(v.id()).isEmpty()) {
          out.add(localGateway(v, p, w.name()));
        }
        if (network.gatewaysIn(w.id()).isEmpty()) {
          Finding f =
              Finding.of(
                  FindingCode.USE_REMOTE_GATEWAYS_WITHOUT_GATEWAY,
                  p.id(),
                  "useRemoteGateways",
                  true,
                  v.name() + " uses remote gateways, but " + w.name() + " has no gateway.");
          Optional<String> unseen = unseenGateway(network, w);
          out.add(unseen.isEmpty() ? f : f.notInInput(unseen.get()));
        } else if (!reverse.map(VirtualNetworkPeering::allowGatewayTransit).orElse(false)) {
          Finding f =
              Finding.of(
                  FindingCode.USE_REMOTE_GATEWAYS_WITHOUT_TRANSIT,
                  p.id(),
                  "useRemoteGateways",
                  true,
                  v.name() + " uses remote gateways, but " + w.name() + "'s link does not allow gateway transit: the spoke gets no routes through the hub's gateway.");
          out.add(reverse.isPresent() || remotePeeringsKnown ? f : f.notInInput(remotePeerings));
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

  private static Finding localGateway(VirtualNetwork v, VirtualNetworkPeering p, String remote) {
    return Finding.of(
        FindingCode.USE_REMOTE_GATEWAYS_WITH_LOCAL_GATEWAY,
        p.id(),
        "useRemoteGateways",
        true,
        v.name() + " has its own gateway, so it cannot use " + remote + "'s gateway.");
  }

  /**
   * Why a network without a gateway in the input may still have one: gateways are no inventory of
   * their network, so only an input declared whole shows that a network has none.
   */
  private static Optional<String> unseenGateway(Network network, VirtualNetwork w) {
    if (network.coverage().isDeclaredWhole()) {
      return Optional.empty();
    }
    return Optional.of(
        w.subnet("GatewaySubnet").isPresent()
            ? w.name() + " has a GatewaySubnet, and a gateway there may not be in the input"
            : "the input is not declared whole, so a gateway of " + w.name() + " may not be in it");
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
      // The network an address is held in follows from the subnet's id, even when the subnet
      // itself is outside the input; whether the address lies inside it needs the subnet.
      ResourceId vnet = Network.virtualNetworkIdOf(h.subnet);
      Optional<Subnet> held = network.subnet(h.subnet);
      if (held.isPresent()) {
        Subnet subnet = held.get();
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
      }
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
      vnetIntegrated(network, profile, s, out);
    } else if (s.hasPublicEndpoint() && s.isKnown(ServerSetting.PUBLIC_NETWORK_ACCESS)) {
      if (s.publicNetworkAccess() == PublicNetworkAccess.DISABLED && !profile.publicNetworkAccessConfigurable()) {
        out.add(
            Finding.of(
                FindingCode.PUBLIC_NETWORK_ACCESS_TOGGLE_UNSUPPORTED,
                s.id(),
                "publicNetworkAccess",
                PublicNetworkAccess.DISABLED,
                "Under the " + profile.name() + " profile a public-access server cannot switch publicNetworkAccess off."));
      }
      if (s.publicNetworkAccess() == PublicNetworkAccess.ENABLED) {
        out.add(
            Finding.of(
                FindingCode.PUBLIC_NETWORK_ACCESS_ENABLED,
                s.id(),
                "publicNetworkAccess",
                PublicNetworkAccess.ENABLED,
                "Server " + s.name() + " accepts connections from the internet on its public endpoint, limited only by its firewall rules;"
                    + " with private endpoints, publicNetworkAccess Disabled keeps every connection on private addresses."));
      }
    }
    if (!s.requireSecureTransport() && s.isKnown(ServerSetting.REQUIRE_SECURE_TRANSPORT) && !profile.requireSecureTransportConfigurable()) {
      out.add(
          Finding.of(
              FindingCode.SECURE_TRANSPORT_NOT_OPTIONAL,
              s.id(),
              "requireSecureTransport",
              false,
              "Under the " + profile.name() + " profile the server only accepts encrypted connections; require_secure_transport OFF is not honoured."));
    }
    if (s.isKnown(ServerSetting.SSL_MIN_PROTOCOL_VERSION) && !profile.supportsTls(s.sslMinProtocolVersion())) {
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
    if (s.pgBouncerEnabled() && s.isKnown(ServerSetting.PGBOUNCER) && s.tier() == ServerTier.BURSTABLE && s.isKnown(ServerSetting.TIER)) {
      out.add(
          Finding.of(
              FindingCode.PGBOUNCER_UNAVAILABLE,
              s.id(),
              "pgBouncerEnabled",
              true,
              "The built-in PgBouncer is not offered on the Burstable tier; nothing listens on port 6432."));
    }
  }

  /**
   * A VNet-integrated server: what its settings say alone, then what its subnet and network say,
   * when they are in the input.
   */
  private static void vnetIntegrated(Network network, ServiceProfile profile, FlexibleServer s, List<Finding> out) {
    if (s.privateDnsZone().isEmpty() && s.isKnown(ServerSetting.PRIVATE_DNS_ZONE)) {
      out.add(
          Finding.of(
              FindingCode.SERVER_PRIVATE_DNS_ZONE_MISSING,
              s.id(),
              "privateDnsZone",
              "none",
              "A private-access server needs a private DNS zone; without one its name does not resolve."));
    }
    if (s.publicNetworkAccess() == PublicNetworkAccess.ENABLED && s.isKnown(ServerSetting.PUBLIC_NETWORK_ACCESS)) {
      out.add(
          profile.publicNetworkAccessConflictsWithVnetIntegration()
              ? Finding.of(
                  FindingCode.PUBLIC_NETWORK_ACCESS_CONFLICTS_WITH_VNET_INTEGRATION,
                  s.id(),
                  "publicNetworkAccess",
                  PublicNetworkAccess.ENABLED,
                  "Azure rejects a create or update of a VNet-integrated server with publicNetworkAccess Enabled (400"
                      + " ConflictingPublicNetworkAccessAndVirtualNetworkConfiguration): a VNet-integrated server has no public endpoint."
                      + " Set it to Disabled or leave it out.")
              : Finding.of(
                  FindingCode.PUBLIC_NETWORK_ACCESS_IGNORED,
                  s.id(),
                  "publicNetworkAccess",
                  PublicNetworkAccess.ENABLED,
                  "A VNet-integrated server has no public endpoint; Azure silently ignores publicNetworkAccess Enabled."));
    }
    Optional<Subnet> delegated = network.subnet(s.delegatedSubnet().get());
    if (delegated.isEmpty()) {
      return; // outside the input: nothing is known of it
    }
    Subnet subnet = delegated.get();
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
        // A server whose high-availability mode is unknown needs at least one address.
        long needed =
            servers.stream().mapToLong(s -> s.highAvailability().isEnabled() && s.isKnown(ServerSetting.HIGH_AVAILABILITY) ? 4 : 1).sum();
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

  private static void routes(Network network, Reachability routing, List<Finding> out) {
    Coverage coverage = network.coverage();
    Map<Ipv4Address, List<NetworkInterface>> byAddress = new HashMap<>();
    for (NetworkInterface n : network.networkInterfaces()) {
      byAddress.computeIfAbsent(n.privateAddress(), k -> new ArrayList<>()).add(n);
    }
    for (VirtualNetwork v : network.virtualNetworks()) {
      Optional<String> unseenInterfaces = unseenInterfaces(network, v);
      for (Subnet subnet : v.subnets()) {
        if (subnet.routeTable().isEmpty()) {
          continue;
        }
        Optional<RouteTable> held = network.routeTable(subnet.routeTable().get());
        if (held.isEmpty()) {
          continue; // outside the input: its routes are not known
        }
        RouteTable table = held.get();
        for (Route r : table.routes()) {
          if (r.nextHopType() != NextHopType.VIRTUAL_APPLIANCE) {
            continue;
          }
          Ipv4Address a = r.nextHopIpAddress().orElseThrow();
          Optional<NetworkInterface> nic =
              byAddress.getOrDefault(a, List.of()).stream().filter(n -> reaches(network, v, n)).findFirst();
          if (nic.isEmpty()) {
            Finding f =
                Finding.of(
                    FindingCode.ROUTE_APPLIANCE_UNKNOWN,
                    table.id(),
                    "routes[" + r.name() + "].nextHopIpAddress",
                    a,
                    "No network interface in " + v.name() + " or its connected peers holds " + a + "; traffic on route " + r.name() + " is dropped.");
            out.add(unseenInterfaces.isEmpty() ? f : f.notInInput(unseenInterfaces.get()));
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
          Optional<String> unseenRoutes =
              coverage.isComplete(Inventory.ROUTES, table.id())
                  ? Optional.empty()
                  : Optional.of(Inventory.ROUTES.of(table.name()) + " are not all observed");
          entraId(routing, subnet, table, unseenRoutes, out);
          serverSubnetThroughAppliance(routing, subnet, table, unseenRoutes, out);
        }
      }
    }
  }

  /**
   * Why an interface holding an address may exist in a network or its connected peers without being
   * in the input, if it may: the subnets of one of them, or the interfaces of one of their subnets,
   * or the network's peerings are not all observed, or a peer is not in the input.
   */
  private static Optional<String> unseenInterfaces(Network network, VirtualNetwork v) {
    Coverage coverage = network.coverage();
    if (!coverage.isComplete(Inventory.VIRTUAL_NETWORK_PEERINGS, v.id())) {
      return Optional.of(Inventory.VIRTUAL_NETWORK_PEERINGS.of(v.name()) + " are not all observed");
    }
    List<VirtualNetwork> places = new ArrayList<>();
    places.add(v);
    for (VirtualNetworkPeering p : v.virtualNetworkPeerings()) {
      Optional<VirtualNetwork> w = network.virtualNetwork(p.remoteVirtualNetwork());
      if (w.isEmpty()) {
        if (!coverage.isOpen()) {
          continue; // a network another tenant holds, whose interfaces the model never has
        }
        return Optional.of("peered network " + coverage.describe(p.remoteVirtualNetwork()) + " is not in the input");
      }
      places.add(w.get());
    }
    for (VirtualNetwork w : places) {
      if (!coverage.isComplete(Inventory.SUBNETS, w.id())) {
        return Optional.of(Inventory.SUBNETS.of(w.name()) + " are not all observed");
      }
      for (Subnet s : w.subnets()) {
        if (!coverage.isComplete(Inventory.NETWORK_INTERFACES, s.id())) {
          return Optional.of(Inventory.NETWORK_INTERFACES.of(s.name()) + " are not all observed");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A flexible server subnet whose own traffic (any part of it) goes to an appliance: the subnet is
   * cut at every user route's boundaries and each piece's route is checked.
   */
  private static void serverSubnetThroughAppliance(
      Reachability routing, Subnet subnet, RouteTable table, Optional<String> unseenRoutes, List<Finding> out) {
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
        Finding f =
            Finding.of(
                FindingCode.ROUTE_SERVER_SUBNET_THROUGH_APPLIANCE,
                table.id(),
                "routes[" + route.name() + "]",
                route.addressPrefix(),
                "Route " + route.name() + " sends traffic inside the flexible server subnet " + subnet.name() + " ("
                    + subnet.addressPrefix().toAddressSet().intersection(route.addressPrefix().toAddressSet())
                    + ") through an appliance, which breaks replication; add a route for " + subnet.addressPrefix() + " with next hop VirtualNetwork.");
        // A route not observed may be more specific and keep the subnet's traffic in the network.
        out.add(unseenRoutes.isEmpty() ? f : f.notInInput(unseenRoutes.get()));
      }
    }
  }

  /** The public address used to probe where a subnet sends internet-bound traffic (TEST-NET-3 is never routed specially). */
  private static final Ipv4Address PUBLIC_PROBE = Ipv4Address.parse("203.0.113.1");

  /**
   * A server subnet whose internet-bound traffic goes to an appliance needs a service-tag route
   * {@code AzureActiveDirectory → Internet}, or Microsoft Entra ID sign-in goes through the appliance.
   */
  private static void entraId(Reachability routing, Subnet subnet, RouteTable table, Optional<String> unseenRoutes, List<Finding> out) {
    EffectiveRoute internetBound = routing.selectRoute(subnet.id(), PUBLIC_PROBE);
    if (internetBound.nextHopType() != NextHopType.VIRTUAL_APPLIANCE) {
      return;
    }
    boolean exempt =
        table.serviceTagRoutes().stream()
            .anyMatch(r -> r.serviceTag().equalsIgnoreCase("AzureActiveDirectory") && r.nextHopType() == NextHopType.INTERNET);
    if (!exempt) {
      Finding f =
          Finding.of(
              FindingCode.ROUTE_ENTRA_ID_THROUGH_APPLIANCE,
              table.id(),
              "routes[" + internetBound.name() + "]",
              internetBound.addressPrefix(),
              "Route " + internetBound.name() + " sends the flexible server subnet " + subnet.name()
                  + "'s internet-bound traffic, Microsoft Entra ID included, to an appliance; add a route AzureActiveDirectory -> Internet.");
      // The service-tag route may be among the routes not observed.
      out.add(unseenRoutes.isEmpty() ? f : f.notInInput(unseenRoutes.get()));
    }
  }

  private static boolean reaches(Network network, VirtualNetwork v, NetworkInterface n) {
    ResourceId owner = Network.virtualNetworkIdOf(n.subnet());
    if (owner.equals(v.id())) {
      return true;
    }
    Optional<VirtualNetwork> w = network.virtualNetwork(owner);
    return v.peeringTo(owner).isPresent() && w.isPresent() && w.get().peeringTo(v.id()).isPresent();
  }

  private static void onPremises(Network network, List<Finding> out) {
    for (GatewayConnection c : network.gatewayConnections()) {
      Optional<OnPremisesNetwork> onPremises = network.onPremisesNetwork(c.remote());
      Optional<VirtualNetwork> v =
          network.virtualNetworkGateway(c.virtualNetworkGateway()).flatMap(g -> network.virtualNetwork(g.virtualNetwork()));
      if (onPremises.isEmpty() || v.isEmpty()) {
        continue; // one end is outside the input
      }
      AddressSet overlap = onPremises.get().addresses().intersection(v.get().addresses());
      if (!overlap.isEmpty()) {
        out.add(
            Finding.of(
                FindingCode.ON_PREMISES_OVERLAPS_VIRTUAL_NETWORK,
                onPremises.get().id(),
                "addressPrefixes",
                overlap,
                "On-premises network " + onPremises.get().name() + " overlaps " + v.get().name() + " in " + overlap + "; those addresses are routed inside the virtual network."));
      }
    }
  }
}
