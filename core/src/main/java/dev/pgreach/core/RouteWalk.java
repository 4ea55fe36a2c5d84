package dev.pgreach.core;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The walk of one packet through compiled routing, from the internet, an on-premises network or a
 * subnet, hop by hop (peerings, gateways and transit, appliances), with the diagnosis of why a
 * packet is dropped. The routes themselves are {@link Reachability}'s, compiled once; a walk only
 * reads them.
 */
final class RouteWalk {
  private static final int MAX_HOPS = Reachability.MAX_HOPS;

  private final Reachability routing;
  private final Network network;
  private final ServiceProfile profile;
  private final NetworkIndex index;
  private final RoutingGaps gaps;
  private final ImmutableMap<ResourceId, Map<Ipv4Address, NetworkInterface>> interfacesByNetwork;

  RouteWalk(
      Reachability routing,
      Network network,
      ServiceProfile profile,
      NetworkIndex index,
      RoutingGaps gaps,
      ImmutableMap<ResourceId, Map<Ipv4Address, NetworkInterface>> interfacesByNetwork) {
    this.routing = routing;
    this.network = network;
    this.profile = profile;
    this.index = index;
    this.gaps = gaps;
    this.interfacesByNetwork = interfacesByNetwork;
  }

  private VirtualNetwork networkOf(ResourceId subnet) {
    return routing.networkOf(subnet);
  }

  private RouteLookup lookup(ResourceId subnet) {
    return routing.lookup(subnet);
  }

  private List<VirtualNetwork> connectedPeers(VirtualNetwork v) {
    return index.connectedPeers(v);
  }

  private Optional<RouteStep.Undecided> unseenEndpoint(VirtualNetwork v, EffectiveRoute route, Ipv4Address destination) {
    return routing.unseenEndpoint(v, route, destination);
  }

  private boolean bothWays(ResourceId gateway, ResourceId other) {
    return routing.bothWays(gateway, other);
  }

  private Optional<VirtualNetwork> transitHub(VirtualNetwork v) {
    return routing.transitHub(v);
  }

  private List<Reachability.GatewayRoute> ownGatewayRoutes(VirtualNetwork v) {
    return routing.ownGatewayRoutes(v);
  }

  Path fromInternet(ClientLocation from, Ipv4Address destination, boolean azure) {
    List<RouteStep> steps = new ArrayList<>();
    Hop source = new Hop(Place.INTERNET, from.address(), Optional.empty(), Optional.empty(), Optional.empty());
    if (destination.isPrivate()) {
      steps.add(
          new RouteStep.Dropped(
              ReasonCode.NO_ROUTE,
              destination.toString(),
              destination + " is a private address; it cannot be reached from the internet."));
      return blocked(steps, List.of(source));
    }
    Arrival arrival =
        new Arrival(Place.INTERNET, destination, Optional.empty(), Optional.of(from.address()), azure);
    steps.add(new RouteStep.Arrived(Place.INTERNET, destination, Optional.empty()));
    return arrived(steps, List.of(source), arrival);
  }

  Path fromOnPremises(ClientLocation.OnPremises from, Ipv4Address destination) {
    OnPremisesNetwork onPremises =
        network
            .onPremisesNetwork(from.network())
            .orElseThrow(
                () ->
                    PgreachException.of(
                        ErrorCode.UNKNOWN_RESOURCE,
                        "ClientLocation.OnPremises.network (%s) is not in the network",
                        from.network()));
    if (!onPremises.addresses().contains(from.address())) {
      throw PgreachException.of(
          ErrorCode.INVALID_VALUE,
          "ClientLocation.OnPremises.address (%s) is outside the prefixes of %s (%s)",
          from.address(),
          onPremises.name(),
          onPremises.addresses());
    }
    Place here = new Place.OnPremises(onPremises.id());
    List<RouteStep> steps = new ArrayList<>();
    List<Hop> hops = new ArrayList<>();
    hops.add(new Hop(here, from.address(), Optional.empty(), Optional.empty(), Optional.empty()));
    if (onPremises.addresses().contains(destination)) {
      steps.add(new RouteStep.Arrived(here, destination, Optional.empty()));
      return arrived(steps, hops, new Arrival(here, destination, Optional.empty(), Optional.of(from.address()), false));
    }
    if (!destination.isPrivate()) {
      steps.add(new RouteStep.InternetEgress(from.outboundPublicAddress(), false));
      steps.add(new RouteStep.Arrived(Place.INTERNET, destination, Optional.empty()));
      return arrived(
          steps, hops, new Arrival(Place.INTERNET, destination, Optional.empty(), from.outboundPublicAddress(), false));
    }
    ImmutableList<GatewayConnection> connections = network.connectionsOf(onPremises.id());
    if (connections.isEmpty() && gaps.onPremises(onPremises, destination).isEmpty()) {
      steps.add(
          new RouteStep.Dropped(
              ReasonCode.ON_PREMISES_NOT_CONNECTED,
              onPremises.id().toString(),
              "On-premises network " + onPremises.name() + " has no VPN or ExpressRoute connection to Azure."));
      return blocked(steps, hops);
    }
    RouteStep.Dropped transitMissing = null;
    for (GatewayConnection c : connections) {
      Optional<VirtualNetworkGateway> known = network.virtualNetworkGateway(c.virtualNetworkGateway());
      if (known.isEmpty() || network.virtualNetwork(known.get().virtualNetwork()).isEmpty()) {
        continue; // outside the input: reported below when nothing else carries the packet
      }
      VirtualNetworkGateway gateway = known.get();
      VirtualNetwork hub = network.virtualNetwork(gateway.virtualNetwork()).orElseThrow();
      if (hub.addresses().contains(destination)) {
        Place there = new Place.Vnet(hub.id());
        steps.add(new RouteStep.GatewayCrossed(gateway.id(), c.id(), here, there, Optional.empty()));
        return arriveInVnet(steps, hops, hub, destination, Optional.of(from.address()));
      }
      for (VirtualNetwork spoke : connectedPeers(hub)) {
        if (!spoke.addresses().contains(destination)) {
          continue;
        }
        VirtualNetworkPeering hubLink = index.peeringTo(hub, spoke.id()).orElseThrow();
        VirtualNetworkPeering spokeLink = index.peeringTo(spoke, hub.id()).orElseThrow();
        if (hubLink.allowGatewayTransit() && spokeLink.useRemoteGateways()) {
          RouteStep.Dropped refused = transitRefusal(hub, spoke, hubLink, destination);
          if (refused != null) {
            steps.add(refused);
            return blocked(steps, hops);
          }
          Place there = new Place.Vnet(spoke.id());
          steps.add(new RouteStep.GatewayCrossed(gateway.id(), c.id(), here, there, Optional.of(spokeLink.id())));
          return arriveInVnet(steps, hops, spoke, destination, Optional.of(from.address()));
        }
        transitMissing =
            new RouteStep.Dropped(
                ReasonCode.GATEWAY_TRANSIT_NOT_ENABLED,
                spokeLink.id().toString(),
                destination
                    + " is in "
                    + spoke.name()
                    + ", a peer of the gateway's network "
                    + hub.name()
                    + ", but gateway transit is not enabled (hub link allowGatewayTransit="
                    + hubLink.allowGatewayTransit()
                    + ", spoke link useRemoteGateways="
                    + spokeLink.useRemoteGateways()
                    + ").");
      }
    }
    Optional<RouteStep.Undecided> unknown = gaps.onPremises(onPremises, destination);
    if (unknown.isPresent()) {
      steps.add(unknown.get());
      return undecided(steps, hops);
    }
    steps.add(
        transitMissing != null
            ? transitMissing
            : new RouteStep.Dropped(
                ReasonCode.NO_ROUTE,
                onPremises.id().toString(),
                destination + " is in no network that on-premises network " + onPremises.name() + " reaches through its gateways."));
    return blocked(steps, hops);
  }

  Path fromVirtualNetwork(ClientLocation.InVirtualNetwork from, Ipv4Address destination) {
    Subnet subnet =
        network
            .subnet(from.subnet())
            .orElseThrow(
                () ->
                    PgreachException.of(
                        ErrorCode.UNKNOWN_RESOURCE,
                        "ClientLocation.InVirtualNetwork.subnet (%s) is not in the network",
                        from.subnet()));
    if (!subnet.addressPrefix().contains(from.address())) {
      throw PgreachException.of(
          ErrorCode.INVALID_VALUE,
          "ClientLocation.InVirtualNetwork.address (%s) is outside subnet %s (%s)",
          from.address(),
          subnet.name(),
          subnet.addressPrefix());
    }
    Optional<NetworkInterface> nic;
    if (from.networkInterface().isPresent()) {
      ResourceId id = from.networkInterface().get();
      NetworkInterface named =
          network
              .networkInterface(id)
              .orElseThrow(
                  () ->
                      PgreachException.of(
                          ErrorCode.UNKNOWN_RESOURCE, "ClientLocation.InVirtualNetwork.networkInterface (%s) is not in the network", id));
      if (!named.subnet().equals(subnet.id()) || !named.privateAddress().equals(from.address())) {
        throw PgreachException.of(
            ErrorCode.INVALID_VALUE,
            "ClientLocation.InVirtualNetwork.networkInterface (%s) is at %s in subnet %s, not at %s in subnet %s",
            id,
            named.privateAddress(),
            named.subnet().name(),
            from.address(),
            subnet.name());
      }
      nic = Optional.of(named);
    } else {
      // A host at an interface's address is that interface: its group and public address apply.
      nic = network.networkInterfacesIn(subnet.id()).stream().filter(n -> n.privateAddress().equals(from.address())).findFirst();
    }
    Optional<Ipv4Address> publicAddress =
        from.outboundPublicAddress().or(() -> nic.flatMap(NetworkInterface::publicAddress));
    return new Walk(destination, from.address()).run(subnet, from.address(), nic, publicAddress);
  }

  /** The hop-by-hop walk of one packet from a subnet. */
  private final class Walk {
    private final Ipv4Address destination;
    private final Ipv4Address source;
    private final List<RouteStep> steps = new ArrayList<>();
    private final List<Hop> hops = new ArrayList<>();
    private final Set<ResourceId> visitedAppliances = new HashSet<>();

    Walk(Ipv4Address destination, Ipv4Address source) {
      this.destination = destination;
      this.source = source;
    }

    Path run(Subnet start, Ipv4Address startAddress, Optional<NetworkInterface> startNic, Optional<Ipv4Address> startPublic) {
      Subnet subnet = start;
      Ipv4Address here = startAddress;
      Optional<NetworkInterface> nic = startNic;
      Optional<Ipv4Address> publicAddress = startPublic;
      boolean forwarded = false;
      for (int hop = 0; hop < MAX_HOPS; hop++) {
        VirtualNetwork vnet = networkOf(subnet.id());
        Optional<RouteStep.Undecided> gap = gaps.routeTable(subnet);
        if (gap.isEmpty() && !vnet.addresses().contains(destination)) {
          gap = gaps.outsideSpace(vnet, destination);
        }
        if (gap.isPresent()) {
          hops.add(new Hop(new Place.Vnet(vnet.id()), here, Optional.of(subnet.id()), nic.map(NetworkInterface::id), Optional.empty()));
          steps.add(gap.get());
          return undecided(steps, hops);
        }
        EffectiveRoute route = lookup(subnet.id()).select(destination);
        Optional<RouteStep.Undecided> unseen = unseenEndpoint(vnet, route, destination);
        if (unseen.isPresent()) {
          hops.add(new Hop(new Place.Vnet(vnet.id()), here, Optional.of(subnet.id()), nic.map(NetworkInterface::id), Optional.empty()));
          steps.add(unseen.get());
          return undecided(steps, hops);
        }
        hops.add(
            new Hop(new Place.Vnet(vnet.id()), here, Optional.of(subnet.id()), nic.map(NetworkInterface::id), Optional.of(route)));
        steps.add(new RouteStep.RouteChosen(subnet.id(), destination, route));
        switch (route.nextHopType()) {
          case VNET_LOCAL:
            if (route.source() == RouteSource.PRIVATE_ENDPOINT || vnet.addresses().contains(destination)) {
              return arriveInVnet(steps, hops, vnet, destination, Optional.of(source));
            }
            // A user route to VnetLocal for space outside the network: nothing there.
            return drop(ReasonCode.NO_ROUTE, route.toString(), destination + " is not in " + vnet.name() + "'s address space.");
          case VNET_PEERING:
            {
              VirtualNetwork peer = peerFor(route, vnet);
              RouteStep.Dropped refused = crossPeering(vnet, peer, forwarded);
              if (refused != null) {
                steps.add(refused);
                return blocked(steps, hops);
              }
              return arriveInVnet(steps, hops, peer, destination, Optional.of(source));
            }
          case VIRTUAL_NETWORK_GATEWAY:
            return throughGateway(vnet, route);
          case INTERNET:
            if (destination.isPrivate()) {
              return drop(
                  ReasonCode.NO_ROUTE,
                  route.toString(),
                  "Route " + route.name() + " sends private address " + destination + " to the internet, where it is not routable.");
            }
            steps.add(new RouteStep.InternetEgress(publicAddress, true));
            steps.add(new RouteStep.Arrived(Place.INTERNET, destination, Optional.empty()));
            return arrived(
                steps, hops, new Arrival(Place.INTERNET, destination, Optional.empty(), publicAddress, true));
          case NONE:
            if (route.source() == RouteSource.USER) {
              return drop(
                  ReasonCode.ROUTE_NONE,
                  route.via().map(Object::toString).orElse(route.name()),
                  "User route " + route.name() + " (" + route.addressPrefix() + ") has next hop None: the packet is dropped.");
            }
            steps.add(diagnoseNoRoute(vnet, destination));
            return blocked(steps, hops);
          case VIRTUAL_APPLIANCE:
            {
              Ipv4Address applianceAddress = route.nextHopIpAddress().orElseThrow();
              Optional<VirtualNetwork> owner = ownerOf(vnet, applianceAddress);
              Optional<NetworkInterface> appliance =
                  owner.flatMap(o -> Optional.ofNullable(interfacesByNetwork.getOrDefault(o.id(), Map.of()).get(applianceAddress)));
              if (appliance.isEmpty()) {
                String routeName = route.via().map(Object::toString).orElse(route.name());
                Optional<RouteStep.Undecided> unknown =
                    owner.isPresent()
                        ? gaps.appliance(owner.get(), applianceAddress, routeName)
                        : gaps.outsideSpace(vnet, applianceAddress);
                if (unknown.isPresent()) {
                  steps.add(unknown.get());
                  return undecided(steps, hops);
                }
                return drop(
                    ReasonCode.APPLIANCE_UNKNOWN,
                    route.via().map(Object::toString).orElse(route.name()),
                    "Route " + route.name() + " sends the packet to appliance " + applianceAddress + ", but no network interface in reach holds that address.");
              }
              if (!owner.get().id().equals(vnet.id())) {
                RouteStep.Dropped refused = crossPeering(vnet, owner.get(), forwarded);
                if (refused != null) {
                  steps.add(refused);
                  return blocked(steps, hops);
                }
              }
              NetworkInterface next = appliance.get();
              if (!visitedAppliances.add(next.id())) {
                return drop(
                    ReasonCode.ROUTING_LOOP,
                    next.id().toString(),
                    "The packet returns to appliance " + next.name() + " (" + applianceAddress + "): routing loop.");
              }
              if (!next.enableIpForwarding()) {
                return drop(
                    ReasonCode.APPLIANCE_NOT_FORWARDING,
                    next.id().toString(),
                    "Appliance " + next.name() + " (" + applianceAddress + ") does not have IP forwarding enabled, so it drops traffic for " + destination + ".");
              }
              steps.add(new RouteStep.ApplianceForwarded(next.id(), applianceAddress));
              subnet = network.subnet(next.subnet()).orElseThrow();
              here = applianceAddress;
              nic = Optional.of(next);
              publicAddress = next.publicAddress();
              forwarded = true;
              break;
            }
          default:
            throw new IllegalStateException("unhandled next hop " + route.nextHopType());
        }
      }
      return drop(ReasonCode.ROUTING_LOOP, destination.toString(), "The packet took more than " + MAX_HOPS + " hops: routing loop.");
    }

    private Path drop(ReasonCode code, String subject, String reason) {
      steps.add(new RouteStep.Dropped(code, subject, reason));
      return blocked(steps, hops);
    }

    private VirtualNetwork peerFor(EffectiveRoute route, VirtualNetwork vnet) {
      if (route.source() == RouteSource.PRIVATE_ENDPOINT) {
        return networkOf(route.via().orElseThrow());
      }
      return network.virtualNetwork(route.via().orElseThrow()).orElseThrow();
    }

    /** Checks the flags for crossing from {@code from} to {@code to}; returns the refusal, or null. */
    private RouteStep.Dropped crossPeering(VirtualNetwork from, VirtualNetwork to, boolean forwarded) {
      VirtualNetworkPeering out = index.peeringTo(from, to.id()).orElseThrow();
      VirtualNetworkPeering in = index.peeringTo(to, from.id()).orElseThrow();
      if (!out.allowVirtualNetworkAccess()) {
        return new RouteStep.Dropped(
            ReasonCode.PEERING_ACCESS_DISABLED,
            out.id().toString(),
            "Peering " + out.name() + " from " + from.name() + " to " + to.name() + " has allowVirtualNetworkAccess off.");
      }
      if (forwarded && !in.allowForwardedTraffic()) {
        return new RouteStep.Dropped(
            ReasonCode.FORWARDED_TRAFFIC_NOT_ALLOWED,
            in.id().toString(),
            "The packet was forwarded by an appliance, but " + to.name() + "'s peering " + in.name() + " to " + from.name() + " has allowForwardedTraffic off.");
      }
      boolean global = !from.region().equals(to.region());
      boolean toServerSubnet =
          to.subnetContaining(destination).map(Subnet::isDelegatedToFlexibleServers).orElse(false);
      if (global && toServerSubnet && !profile.globalPeeringToVnetIntegratedServers()) {
        return new RouteStep.Dropped(
            ReasonCode.GLOBAL_PEERING_UNSUPPORTED,
            out.id().toString(),
            "Peering "
                + out.name()
                + " crosses regions ("
                + from.region()
                + " to "
                + to.region()
                + ") to a VNet-integrated server's subnet, which the "
                + profile.name()
                + " profile does not support.");
      }
      steps.add(new RouteStep.PeeringCrossed(out.id(), from.id(), to.id()));
      return null;
    }

    private Path throughGateway(VirtualNetwork vnet, EffectiveRoute route) {
      Optional<VirtualNetworkGateway> chosen =
          route.source() == RouteSource.USER ? gatewayFor(vnet) : route.via().flatMap(network::virtualNetworkGateway);
      if (chosen.isEmpty()) {
        return drop(
            ReasonCode.NO_ROUTE,
            route.via().map(Object::toString).orElse(route.name()),
            "Route " + route.name() + " sends the packet to the virtual network gateway, but " + vnet.name() + " has no gateway of its own or through gateway transit.");
      }
      VirtualNetworkGateway gateway = chosen.get();
      Optional<ResourceId> transit = Optional.empty();
      if (!gateway.virtualNetwork().equals(vnet.id())) {
        Optional<VirtualNetworkPeering> link = vnet.peeringTo(gateway.virtualNetwork());
        if (link.isPresent() && !link.get().allowVirtualNetworkAccess()) {
          return drop(
              ReasonCode.PEERING_ACCESS_DISABLED,
              link.get().id().toString(),
              "Peering " + link.get().name() + " from " + vnet.name() + " to the gateway's network has allowVirtualNetworkAccess off, so gateway transit carries nothing from " + vnet.name() + ".");
        }
        transit = link.map(VirtualNetworkPeering::id);
      }
      Place here = new Place.Vnet(vnet.id());
      for (GatewayConnection c : network.connectionsOf(gateway.id())) {
        ResourceId other = c.virtualNetworkGateway().equals(gateway.id()) ? c.remote() : c.virtualNetworkGateway();
        Optional<OnPremisesNetwork> onPremises = network.onPremisesNetwork(other).filter(o -> o.addresses().contains(destination));
        if (onPremises.isPresent()) {
          Place there = new Place.OnPremises(onPremises.get().id());
          steps.add(new RouteStep.GatewayCrossed(gateway.id(), c.id(), here, there, transit));
          steps.add(new RouteStep.Arrived(there, destination, Optional.empty()));
          return arrived(steps, hops, new Arrival(there, destination, Optional.empty(), Optional.of(source), false));
        }
        Optional<VirtualNetwork> remote =
            network
                .virtualNetworkGateway(other)
                .flatMap(g -> network.virtualNetwork(g.virtualNetwork()))
                .filter(x -> x.addresses().contains(destination));
        if (remote.isPresent()) {
          steps.add(new RouteStep.GatewayCrossed(gateway.id(), c.id(), here, new Place.Vnet(remote.get().id()), transit));
          return arriveInVnet(steps, hops, remote.get(), destination, Optional.of(source));
        }
      }
      return drop(
          ReasonCode.NO_ROUTE,
          gateway.id().toString(),
          "Gateway " + gateway.name() + " has no connection whose prefixes hold " + destination
              + "; where on-premises sends such traffic is outside the model.");
    }
  }

  /** The gateway a network's traffic uses: its own, or its transit hub's. */
  private Optional<VirtualNetworkGateway> gatewayFor(VirtualNetwork vnet) {
    ImmutableList<VirtualNetworkGateway> own = network.gatewaysIn(vnet.id());
    if (!own.isEmpty()) {
      return Optional.of(own.get(0));
    }
    return transitHub(vnet).map(hub -> network.gatewaysIn(hub.id()).get(0));
  }

  /**
   * Checks the hub-to-spoke leg of gateway transit as a peering crossing: the hub's link must allow
   * virtual network access, and under a profile without global peering for VNet-integrated
   * servers a cross-region leg into a server subnet is dropped. Returns the refusal, or null.
   */
  private RouteStep.Dropped transitRefusal(VirtualNetwork hub, VirtualNetwork spoke, VirtualNetworkPeering hubLink, Ipv4Address destination) {
    if (!hubLink.allowVirtualNetworkAccess()) {
      return new RouteStep.Dropped(
          ReasonCode.PEERING_ACCESS_DISABLED,
          hubLink.id().toString(),
          "Peering " + hubLink.name() + " from " + hub.name() + " to " + spoke.name() + " has allowVirtualNetworkAccess off, so gateway transit carries nothing into " + spoke.name() + ".");
    }
    boolean global = !hub.region().equals(spoke.region());
    boolean toServerSubnet = spoke.subnetContaining(destination).map(Subnet::isDelegatedToFlexibleServers).orElse(false);
    if (global && toServerSubnet && !profile.globalPeeringToVnetIntegratedServers()) {
      return new RouteStep.Dropped(
          ReasonCode.GLOBAL_PEERING_UNSUPPORTED,
          hubLink.id().toString(),
          "Gateway transit crosses peering " + hubLink.name() + " between regions (" + hub.region() + " to " + spoke.region()
              + ") to a VNet-integrated server's subnet, which the " + profile.name() + " profile does not support.");
    }
    return null;
  }

  /** The network holding {@code address}: {@code vnet} itself or a connected peer. */
  private Optional<VirtualNetwork> ownerOf(VirtualNetwork vnet, Ipv4Address address) {
    if (vnet.addresses().contains(address)) {
      return Optional.of(vnet);
    }
    return connectedPeers(vnet).stream().filter(w -> w.addresses().contains(address)).findFirst();
  }

  /** Explains why a destination that only a None default route matches cannot be reached. */
  private RouteStep.Dropped diagnoseNoRoute(VirtualNetwork vnet, Ipv4Address destination) {
    Optional<VirtualNetwork> target = index.lowestOwnerOtherThan(vnet.id(), destination);
    if (target.isPresent()) {
      VirtualNetwork w = target.get();
      Optional<VirtualNetworkPeering> out = index.peeringTo(vnet, w.id());
      Optional<VirtualNetworkPeering> in = index.peeringTo(w, vnet.id());
      if (out.isPresent() != in.isPresent()) {
        VirtualNetworkPeering only = out.orElseGet(in::get);
        return new RouteStep.Dropped(
            ReasonCode.PEERING_NOT_CONNECTED,
            only.id().toString(),
            "Peering between "
                + vnet.name()
                + " and "
                + w.name()
                + " exists in one direction only ("
                + only.name()
                + " is Initiated): it carries no traffic until the reverse link exists.");
      }
      for (VirtualNetwork middle : connectedPeers(vnet)) {
        if (index.connected(middle, w)) {
          return new RouteStep.Dropped(
              ReasonCode.PEERING_NOT_TRANSITIVE,
              w.id().toString(),
              destination
                  + " is in "
                  + w.name()
                  + ", which is peered with "
                  + middle.name()
                  + " but not with "
                  + vnet.name()
                  + ": peering is not transitive.");
        }
      }
      return new RouteStep.Dropped(
          ReasonCode.NO_ROUTE,
          w.id().toString(),
          destination + " is in " + w.name() + ", which " + vnet.name() + " is not peered or connected with.");
    }
    for (VirtualNetwork hub : connectedPeers(vnet)) {
      boolean hubReaches = ownGatewayRoutes(hub).stream().anyMatch(g -> g.prefix().contains(destination));
      if (hubReaches) {
        VirtualNetworkPeering spokeLink = index.peeringTo(vnet, hub.id()).orElseThrow();
        VirtualNetworkPeering hubLink = index.peeringTo(hub, vnet.id()).orElseThrow();
        return new RouteStep.Dropped(
            ReasonCode.GATEWAY_TRANSIT_NOT_ENABLED,
            spokeLink.id().toString(),
            destination
                + " is reached through "
                + hub.name()
                + "'s gateway, but gateway transit is not enabled (hub link allowGatewayTransit="
                + hubLink.allowGatewayTransit()
                + ", spoke link useRemoteGateways="
                + spokeLink.useRemoteGateways()
                + ").");
      }
    }
    return new RouteStep.Dropped(
        ReasonCode.NO_ROUTE,
        vnet.id().toString(),
        destination + " is in no network " + vnet.name() + " can reach; Azure's system route for it has next hop None.");
  }

  private static Path arriveInVnet(
      List<RouteStep> steps, List<Hop> hops, VirtualNetwork vnet, Ipv4Address destination, Optional<Ipv4Address> source) {
    Optional<ResourceId> subnet = vnet.subnetContaining(destination).map(Subnet::id);
    Place there = new Place.Vnet(vnet.id());
    steps.add(new RouteStep.Arrived(there, destination, subnet));
    return arrived(steps, hops, new Arrival(there, destination, subnet, source, false));
  }

  private static Path arrived(List<RouteStep> steps, List<Hop> hops, Arrival arrival) {
    List<Hop> all = new ArrayList<>(hops);
    all.add(new Hop(arrival.place(), arrival.destination(), arrival.subnet(), Optional.empty(), Optional.empty()));
    return new Path(Verdict.of(steps), ImmutableList.copyOf(all), Optional.of(arrival));
  }

  private static Path blocked(List<RouteStep> steps, List<Hop> hops) {
    return new Path(Verdict.of(steps), ImmutableList.copyOf(hops), Optional.empty());
  }

  /** A path whose end cannot be told from the input: the last step is undecided. */
  private static Path undecided(List<RouteStep> steps, List<Hop> hops) {
    return new Path(Verdict.of(steps), ImmutableList.copyOf(hops), Optional.empty());
  }
}
