package dev.pgreach.privatelink;

import com.google.common.collect.ImmutableMap;
import dev.pgreach.core.Arrival;
import dev.pgreach.core.Client;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.EffectiveRoute;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Hop;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Path;
import dev.pgreach.core.Place;
import dev.pgreach.core.PublicNetworkAccess;
import dev.pgreach.core.Reachability;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.RouteSource;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Step;
import dev.pgreach.core.StepEffect;
import dev.pgreach.core.Verdict;
import dev.pgreach.dns.DnsName;
import dev.pgreach.dns.Resolution;
import dev.pgreach.dns.ResolutionDisposition;
import dev.pgreach.dns.Resolver;
import dev.pgreach.firewall.FirewallSource;
import dev.pgreach.firewall.Flow;
import dev.pgreach.firewall.NetworkSecurity;
import dev.pgreach.firewall.PublicAccess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One connection question while its trace is written: resolution and the DNS servers' paths, the
 * route, what answers at the address, the groups, the server's door and the session, in order.
 * Each question gets its own; it reads only the compiled view.
 */
final class ConnectAttempt {
  private static final Ipv4Address UNKNOWN_PUBLIC_ADDRESS = Connectivity.UNKNOWN_PUBLIC_ADDRESS;
  private static final dev.pgreach.core.AddressSet PRIVATE_RANGES = Connectivity.PRIVATE_RANGES;

  private final Connectivity compiled;
  private final Estate estate;
  private final ServiceProfile profile;
  private final Reachability reachability;
  private final NetworkSecurity security;
  private final Resolver resolver;
  private final ImmutableMap<ResourceId, Map<Ipv4Address, Connectivity.FrontDoorEntry>> privateFrontDoors;
  private final ImmutableMap<Ipv4Address, FlexibleServer> publicFrontDoors;
  private final ImmutableMap<ResourceId, PublicAccess> publicAccess;
  private final com.google.common.collect.ImmutableListMultimap<ResourceId, PrivateEndpoint> endpointsByServer;
  private final DnsPaths dnsPaths;
  private final Client client;
  private final String target;
  private final int port;
  private final Instant at;
  /** When the session asked about was established, for a question about an established session. */
  private final Optional<Instant> establishedSince;
  private final List<Step> steps = new ArrayList<>();
  private Optional<Resolution> resolution = Optional.empty();
  private Optional<Path> path = Optional.empty();
  private Optional<ResourceId> server = Optional.empty();
  /** Where steps toward a public endpoint with an unknown address start, or -1. */
  private int standInFrom = -1;
  private Optional<ResourceId> standInServer = Optional.empty();

  ConnectAttempt(Connectivity compiled, Client client, String target, int port, Instant at, Optional<Instant> establishedSince) {
    this.compiled = compiled;
    this.estate = compiled.estate();
    this.profile = compiled.profile();
    this.reachability = compiled.reachability();
    this.security = compiled.networkSecurity();
    this.resolver = compiled.resolver();
    this.privateFrontDoors = compiled.privateFrontDoors;
    this.publicFrontDoors = compiled.publicFrontDoors;
    this.publicAccess = compiled.publicAccess;
    this.endpointsByServer = compiled.endpointsByServer;
    this.dnsPaths = compiled.dnsPaths();
    this.client = client;
    this.target = target;
    this.port = port;
    this.at = at;
    this.establishedSince = establishedSince;
  }

  Connection byAddress(Ipv4Address address) {
    return route(address, Optional.empty(), Optional.empty(), true);
  }

  Connection byName(DnsName name) {
    Resolution r = resolver.resolve(client.location(), name);
    resolution = Optional.of(r);
    List<? extends Step> dnsSteps = r.steps();
    Step finalBlock = null;
    for (int i = 0; i < dnsSteps.size(); i++) {
      Step s = dnsSteps.get(i);
      boolean last = i == dnsSteps.size() - 1;
      if (s.effect() == StepEffect.BLOCKED && last) {
        finalBlock = s; // added after the DNS servers' own paths are checked, so that it ends the trace
      } else {
        steps.add(s.effect() == StepEffect.BLOCKED ? new ConnectStep.Note(ReasonCode.DNS_ATTEMPT_FAILED, s.subject(), s.reason() + " The next DNS server is tried.") : s);
      }
    }
    Optional<Connection> filtered = dnsFiltered(r);
    if (filtered.isPresent()) {
      return filtered.get(); // the queries never arrive: what the resolver would have answered does not matter
    }
    if (finalBlock != null) {
      steps.add(finalBlock);
    }
    Optional<FlexibleServer> named = compiled.serverNamed(name);
    switch (r.disposition()) {
      case ADDRESS:
        if (r.addresses().size() > 1) {
          return severalAddresses(r, named);
        }
        return route(r.addresses().get(0), named, r.publicEndpoint(), false);
      case PUBLIC_ENDPOINT:
        return route(UNKNOWN_PUBLIC_ADDRESS, named, r.publicEndpoint(), false);
      default:
        if (steps.isEmpty() || (last().effect() != StepEffect.BLOCKED && last().effect() != StepEffect.UNKNOWN)) {
          return decide(
              ReasonCode.DNS_NXDOMAIN,
              name.toString(),
              name + " did not resolve (" + r.disposition() + ").",
              r.disposition() == ResolutionDisposition.UNKNOWN ? StepEffect.UNKNOWN : StepEffect.BLOCKED);
        }
        return done();
    }
  }

  /**
   * A name with several addresses: clients try them in turn (libpq tries each), so the answer is
   * connected only when every address connects, blocked when every address is blocked, and
   * indeterminate when it depends on which address the client tries or on what the input does not
   * show.
   */
  private Connection severalAddresses(Resolution r, Optional<FlexibleServer> named) {
    List<Connection> each = new ArrayList<>();
    for (Ipv4Address a : r.addresses()) {
      ConnectAttempt one = new ConnectAttempt(compiled, client, target, port, at, establishedSince);
      one.steps.addAll(steps);
      one.resolution = resolution;
      each.add(one.route(a, named, r.publicEndpoint(), false));
    }
    long allowed = each.stream().filter(c -> c.disposition() == dev.pgreach.core.Disposition.ALLOWED).count();
    if (allowed == 0) {
      // None is known to connect: blocked only when every address is; one that may connect leaves it undecided.
      return each.stream().filter(c -> c.disposition() == dev.pgreach.core.Disposition.INDETERMINATE).findFirst().orElse(each.get(0));
    }
    if (allowed == each.size()) {
      return each.get(0);
    }
    Connection good = each.stream().filter(c -> c.disposition() == dev.pgreach.core.Disposition.ALLOWED).findFirst().orElseThrow();
    Connection bad = each.stream().filter(c -> c.disposition() != dev.pgreach.core.Disposition.ALLOWED).findFirst().orElseThrow();
    ConnectAttempt mixed = new ConnectAttempt(compiled, client, target, port, at, establishedSince);
    mixed.steps.addAll(good.steps().subList(0, good.steps().size() - 1)); // without the closing authentication note
    mixed.resolution = resolution;
    mixed.path = good.path();
    mixed.server = good.server();
    Step why = bad.decidingStep().orElse(bad.steps().get(bad.steps().size() - 1));
    return mixed.decide(
        ReasonCode.DNS_ANSWER,
        target,
        target + " resolves to " + r.addresses() + ": " + good.path().flatMap(Path::arrival).map(x -> x.destination().toString()).orElse("one address")
            + " connects, but " + bad.path().flatMap(Path::arrival).map(x -> x.destination().toString()).orElse("another address")
            + " does not ([" + why.code() + "] " + why.reason() + "); a client may try either.",
        StepEffect.UNKNOWN);
  }

  /**
   * Whether network security groups let the client's DNS queries reach the DNS servers it asked
   * directly (UDP 53; Azure exempts only 168.63.129.16 from groups). A denied path means the
   * client gets no answer from that server.
   */
  private Optional<Connection> dnsFiltered(Resolution r) {
    java.util.Set<Ipv4Address> own = null; // the client's own DNS servers, read at the first query to one
    for (Step s : r.steps()) {
      if (!(s instanceof dev.pgreach.dns.DnsStep.Queried)) {
        continue;
      }
      dev.pgreach.dns.NameServer ns = ((dev.pgreach.dns.DnsStep.Queried) s).nameServer();
      if (!(ns instanceof dev.pgreach.dns.NameServer.Configured)) {
        continue;
      }
      Ipv4Address dns = ((dev.pgreach.dns.NameServer.Configured) ns).address();
      if (own == null) {
        own = new java.util.LinkedHashSet<>(clientDnsServers());
      }
      if (!own.remove(dns)) {
        continue; // not one the client asks itself (a forwarder's own query), or already checked
      }
      if (dnsPaths.clear(client.location(), dns)) {
        continue; // the path is kept for the client's place and class of addresses: nothing to add
      }
      Path toDns = reachability.route(client.location(), dns);
      if (!toDns.arrives()) {
        continue; // the resolver already reported it unreachable
      }
      Verdict v =
          security.along(toDns, new Flow(client.location().address(), dns, dev.pgreach.firewall.SecurityRuleProtocol.UDP, 53, java.util.OptionalInt.empty()));
      if (v.disposition() == dev.pgreach.core.Disposition.BLOCKED) {
        steps.addAll(v.steps().subList(0, v.steps().size() - 1));
        return Optional.of(
            decide(
                ReasonCode.DNS_RESOLVER_UNREACHABLE,
                dns.toString(),
                "Network security groups deny DNS (UDP 53) from " + client.location().address() + " to DNS server " + dns + ": "
                    + v.blockingStep().orElseThrow().reason(),
                StepEffect.BLOCKED));
      }
      if (v.disposition() == dev.pgreach.core.Disposition.INDETERMINATE) {
        steps.addAll(v.unknownSteps());
      }
    }
    return Optional.empty();
  }

  /** The DNS servers the client's own network tells it to use (empty for Azure-provided DNS). */
  private List<Ipv4Address> clientDnsServers() {
    ClientLocation l = client.location();
    if (l instanceof ClientLocation.InVirtualNetwork) {
      dev.pgreach.core.Network n = estate.network();
      return n.subnet(((ClientLocation.InVirtualNetwork) l).subnet()).flatMap(s -> n.virtualNetwork(s.virtualNetwork())).orElseThrow().dnsServers();
    }
    if (l instanceof ClientLocation.OnPremises) {
      return estate.network().onPremisesNetwork(((ClientLocation.OnPremises) l).network())
          .map(dev.pgreach.core.OnPremisesNetwork::dnsServers)
          .orElse(com.google.common.collect.ImmutableList.of());
    }
    return List.of();
  }

  private Step last() {
    return steps.get(steps.size() - 1);
  }

  /**
   * Routes to the address and carries on.
   *
   * @param named the server the host name named, if it named one
   * @param publicEndpointOf the server whose public endpoint DNS answered, if any
   * @param byAddress whether the client asked by address
   */
  private Connection route(Ipv4Address address, Optional<FlexibleServer> named, Optional<ResourceId> publicEndpointOf, boolean byAddress) {
    Path p = reachability.route(client.location(), address);
    path = Optional.of(p);
    boolean standIn = address.equals(UNKNOWN_PUBLIC_ADDRESS) && publicEndpointOf.isPresent();
    if (standIn) {
      standInFrom = steps.size();
      standInServer = publicEndpointOf;
    }
    steps.addAll(p.verdict().steps());
    if (!p.arrives()) {
      return done();
    }
    Arrival arrival = p.arrival().get();
    if (standIn) {
      Optional<EffectiveRoute> specific =
          p.hops().stream()
              .map(Hop::subnet)
              .flatMap(Optional::stream)
              .flatMap(subnet -> reachability.effectiveRoutes(subnet).stream())
              .filter(r -> r.source() == RouteSource.USER && r.addressPrefix().length() > 0)
              .filter(r -> !PRIVATE_RANGES.containsAll(r.addressPrefix().toAddressSet()))
              .findFirst();
      if (specific.isPresent()) {
        return decide(
            ReasonCode.PUBLIC_ENDPOINT_ROUTE_UNKNOWN,
            publicEndpointOf.get().toString(),
            "The public address of " + publicEndpointOf.get().name() + " is not known, and user route " + specific.get().name()
                + " (" + specific.get().addressPrefix() + ") may or may not cover it.",
            StepEffect.UNKNOWN);
      }
    }
    if (standIn) {
      Optional<String> undecided = standInUndecided(p);
      if (undecided.isPresent()) {
        return decide(ReasonCode.PUBLIC_ENDPOINT_ROUTE_UNKNOWN, publicEndpointOf.get().toString(), undecided.get(), StepEffect.UNKNOWN);
      }
    }
    if (arrival.place() instanceof Place.Internet) {
      Optional<String> tagRoute = serviceTagRoute(p, standIn ? Optional.empty() : Optional.of(address));
      if (tagRoute.isPresent()) {
        return decide(ReasonCode.SERVICE_TAG_ROUTE_UNDECIDED, address.toString(), tagRoute.get(), StepEffect.UNKNOWN);
      }
    }
    // What answers at the address.
    Optional<Connectivity.FrontDoorEntry> door = Optional.empty();
    FrontDoorKind kind = FrontDoorKind.NOTHING;
    FlexibleServer reached = null;
    if (arrival.place() instanceof Place.Vnet) {
      ResourceId vnet = ((Place.Vnet) arrival.place()).virtualNetwork();
      door = Optional.ofNullable(privateFrontDoors.getOrDefault(vnet, Map.of()).get(address));
      if (door.isPresent()) {
        reached = door.get().server().orElse(null);
        kind = door.get().endpoint().isPresent() ? FrontDoorKind.PRIVATE_ENDPOINT : FrontDoorKind.SERVER_PRIVATE_ADDRESS;
        if (door.get().server().isEmpty()) {
          steps.add(new ConnectStep.FrontDoor(kind, address, Optional.of(door.get().serverId()), door.get().endpoint().map(PrivateEndpoint::id)));
          return decide(
              ReasonCode.OUTSIDE_INPUT,
              door.get().serverId().toString(),
              "Private endpoint " + door.get().endpoint().get().name() + " at " + address + " reaches server "
                  + estate.coverage().describe(door.get().serverId()) + ", which is not in the input: its settings are not known.",
              StepEffect.UNKNOWN);
        }
      } else {
        Optional<String> unplaced = compiled.nothingUnproven(vnet, arrival);
        if (unplaced.isPresent()) {
          return decide(ReasonCode.NOT_OBSERVED, address.toString(), "Whether anything answers at " + address + " is not known: " + unplaced.get() + ".", StepEffect.UNKNOWN);
        }
      }
    } else if (arrival.place() instanceof Place.Internet) {
      reached =
          publicEndpointOf.flatMap(id -> estate.network().flexibleServer(id)).orElse(publicFrontDoors.get(address));
      if (reached != null && !reached.isVnetIntegrated()) {
        kind = FrontDoorKind.PUBLIC_ENDPOINT;
      } else {
        reached = null;
      }
    }
    Optional<ResourceId> endpointId = door.flatMap(Connectivity.FrontDoorEntry::endpoint).map(PrivateEndpoint::id);
    if (door.isPresent() && !door.get().known()) {
      steps.add(
          new ConnectStep.Decision(
              ReasonCode.FRONT_DOOR_SERVER_PRIVATE,
              reached.id().toString(),
              address + " is in the delegated subnet of server " + reached.name() + ", whose private address is not known: whether the server answers here cannot be told.",
              StepEffect.UNKNOWN));
    } else {
      steps.add(new ConnectStep.FrontDoor(kind, address, Optional.ofNullable(reached).map(FlexibleServer::id), endpointId));
    }
    if (reached == null) {
      return done();
    }
    server = Optional.of(reached.id());
    if (named.isPresent() && !named.get().id().equals(reached.id())) {
      return decide(
          ReasonCode.FRONT_DOOR_OTHER_SERVER,
          reached.id().toString(),
          target + " names server " + named.get().name() + ", but " + address + " answers for server " + reached.name()
              + (endpointId.isPresent() ? ": a private endpoint reaches only its own server." : "."),
          StepEffect.BLOCKED);
    }
    // Network security groups along the path.
    // Groups see the packet before any NAT: the client's own address (AZURE-FACTS 6.6).
    Flow flow = Flow.tcp(client.location().address(), address, port);
    Verdict nsg =
        kind == FrontDoorKind.PRIVATE_ENDPOINT
            ? security.alongToPrivateEndpoint(p, flow)
            : kind == FrontDoorKind.SERVER_PRIVATE_ADDRESS ? security.alongToServer(p, flow) : security.along(p, flow);
    if (establishedSince.isPresent()) {
      List<String> changed = changedSince(p, establishedSince.get());
      if (changed.isEmpty()) {
        steps.add(
            new ConnectStep.Note(
                ReasonCode.SESSION_ESTABLISHED,
                address.toString(),
                "The session was established at " + establishedSince.get() + "; network security groups are stateful and judge it by"
                    + " the rules in force then, and no rule on its path has changed since."));
      } else {
        // The rules in force when the session was established are not all known: the groups' answer is not either.
        for (Step s : nsg.steps()) {
          steps.add(s.effect() == StepEffect.BLOCKED ? new ConnectStep.Note(s.code(), s.subject(), s.reason() + " (This judges new sessions.)") : s);
        }
        steps.add(
            new ConnectStep.Decision(
                ReasonCode.SECURITY_RULE_CHANGED_SINCE_ESTABLISHED,
                address.toString(),
                "The session was established at " + establishedSince.get() + ", and " + String.join("; ", changed)
                    + " since: network security groups are stateful, so the session continues if the rules in force when it was"
                    + " established admitted it, and the rule as it was before its change is not in the input.",
                StepEffect.UNKNOWN));
        nsg = null;
      }
    }
    if (nsg != null) {
      steps.addAll(nsg.steps());
      if (nsg.disposition() == dev.pgreach.core.Disposition.BLOCKED) {
        return done();
      }
    }
    // The server's own door: firewall, or the endpoint's state.
    if (kind == FrontDoorKind.PUBLIC_ENDPOINT) {
      if (profile.privateEndpointsForbidPublicAccess()
          && !endpointsByServer.get(reached.id()).isEmpty()
          && reached.publicNetworkAccess() == PublicNetworkAccess.ENABLED) {
        return decide(
            ReasonCode.PUBLIC_ACCESS_EXCLUDED_BY_PRIVATE_ENDPOINTS,
            reached.id().toString(),
            "Under the " + profile.name() + " profile, " + reached.name()
                + " has private endpoints and is therefore not publicly accessible outside them.",
            StepEffect.BLOCKED);
      }
      Verdict admitted = publicAccess.get(reached.id()).admit(FirewallSource.from(arrival), at);
      steps.addAll(admitted.steps());
      if (admitted.disposition() == dev.pgreach.core.Disposition.BLOCKED) {
        return done();
      }
      if (profile.privateEndpointsForbidPublicAccess()
          && endpointsByServer.get(reached.id()).isEmpty()
          && !estate.coverage().isComplete(dev.pgreach.core.Inventory.PRIVATE_ENDPOINT_CONNECTIONS, reached.id())) {
        steps.add(
            new ConnectStep.Decision(
                ReasonCode.NOT_OBSERVED,
                reached.id().toString(),
                "Under the " + profile.name() + " profile a server with private endpoints is not publicly accessible, and "
                    + dev.pgreach.core.Inventory.PRIVATE_ENDPOINT_CONNECTIONS.of(reached.name().toString()) + " are not all in the input.",
                StepEffect.UNKNOWN));
      }
    } else if (kind == FrontDoorKind.PRIVATE_ENDPOINT) {
      PrivateEndpoint endpoint = door.get().endpoint().get();
      ConnectStep.EndpointState state = new ConnectStep.EndpointState(endpoint.id(), endpoint.connectionState());
      steps.add(state);
      if (state.effect() == StepEffect.BLOCKED) {
        return done();
      }
    }
    Optional<ConnectStep> running = Session.state(reached);
    if (running.isPresent()) {
      steps.add(running.get());
      if (running.get().effect() == StepEffect.BLOCKED) {
        return done();
      }
    }
    // The session.
    ConnectStep open = Session.port(reached, port);
    steps.add(open);
    if (open.effect() == StepEffect.BLOCKED) {
      return done();
    }
    ConnectStep tls = Session.tls(reached, client, profile);
    steps.add(tls);
    if (tls.effect() == StepEffect.BLOCKED) {
      return done();
    }
    if (byAddress && kind != FrontDoorKind.PRIVATE_ENDPOINT) {
      steps.add(
          new ConnectStep.Note(
              ReasonCode.ADDRESS_NOT_STATIC,
              address.toString(),
              "Connected by address: Azure does not guarantee that " + reached.name() + "'s address stays the same; use "
                  + reached.fullyQualifiedDomainName() + "."));
    }
    steps.add(
        new ConnectStep.Note(
            ReasonCode.AUTHENTICATION_REQUIRED,
            reached.id().toString(),
            "The network lets " + client.name() + " reach " + reached.name()
                + "; PostgreSQL still checks the user's credentials and roles."));
    return done();
  }

  /**
   * The security rules of the groups on a path (each hop's subnet and network interface groups)
   * that changed after an instant, as text naming the rule, its group and when it changed.
   */
  private List<String> changedSince(Path p, Instant since) {
    List<String> out = new ArrayList<>();
    java.util.Set<ResourceId> seen = new java.util.HashSet<>();
    for (dev.pgreach.core.Hop hop : p.hops()) {
      List<Optional<ResourceId>> groups = new ArrayList<>();
      hop.subnet().flatMap(estate.network()::subnet).ifPresent(sn -> groups.add(sn.networkSecurityGroup()));
      hop.networkInterface().flatMap(estate.network()::networkInterface).ifPresent(n -> groups.add(n.networkSecurityGroup()));
      for (Optional<ResourceId> g : groups) {
        if (g.isEmpty() || !seen.add(g.get())) {
          continue;
        }
        dev.pgreach.firewall.NetworkSecurityGroup group = security.networkSecurityGroups().get(g.get());
        if (group == null) {
          continue;
        }
        for (dev.pgreach.firewall.SecurityRule rule : group.securityRules()) {
          if (rule.changedAt().isPresent() && rule.changedAt().get().isAfter(since)) {
            out.add("rule " + rule.name() + " of " + group.name() + " changed at " + rule.changedAt().get());
          }
        }
      }
    }
    return out;
  }

  /**
   * Toward a public endpoint whose address is unknown, a security rule on the path whose
   * destination is a specific part of the public address space may or may not match: returns
   * why, or empty when every rule treats all public addresses alike.
   */
  private Optional<String> standInUndecided(Path p) {
    for (dev.pgreach.core.Hop hop : p.hops()) {
      List<Optional<ResourceId>> groups = new ArrayList<>();
      hop.subnet().flatMap(estate.network()::subnet).ifPresent(sn -> groups.add(sn.networkSecurityGroup()));
      hop.networkInterface().flatMap(estate.network()::networkInterface).ifPresent(n -> groups.add(n.networkSecurityGroup()));
      for (Optional<ResourceId> g : groups) {
        if (g.isEmpty()) {
          continue;
        }
        dev.pgreach.firewall.NetworkSecurityGroup group = security.networkSecurityGroups().get(g.get());
        if (group == null) {
          continue;
        }
        for (dev.pgreach.firewall.SecurityRule rule : group.securityRules()) {
          for (dev.pgreach.firewall.SecurityRuleAddress d : rule.destinationAddressPrefixes()) {
            if (coversPartOfPublicSpace(d)) {
              return Optional.of(
                  "The public address of the server is not known, and rule " + rule.name() + " of " + group.name()
                      + " names destination " + d + ", which may or may not hold it.");
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  private boolean coversPartOfPublicSpace(dev.pgreach.firewall.SecurityRuleAddress d) {
    dev.pgreach.core.AddressSet set;
    if (d instanceof dev.pgreach.firewall.SecurityRuleAddress.Prefix) {
      set = ((dev.pgreach.firewall.SecurityRuleAddress.Prefix) d).prefix().toAddressSet();
    } else if (d instanceof dev.pgreach.firewall.SecurityRuleAddress.Range) {
      set = ((dev.pgreach.firewall.SecurityRuleAddress.Range) d).range().toAddressSet();
    } else if (d instanceof dev.pgreach.firewall.SecurityRuleAddress.ServiceTag) {
      dev.pgreach.firewall.SecurityRuleAddress.ServiceTag tag = (dev.pgreach.firewall.SecurityRuleAddress.ServiceTag) d;
      if (tag.isComputed()) {
        return false; // Internet, VirtualNetwork and AzureLoadBalancer treat all unknown public addresses alike
      }
      return true; // Storage, Sql, … : some public addresses, not others
    } else {
      return false; // *
    }
    dev.pgreach.core.AddressSet publicSpace = PRIVATE_RANGES.complement();
    return set.intersects(publicSpace) && !set.containsAll(publicSpace);
  }

  /**
   * Service-tag routes ({@code AzureCloud -> None}) on a subnet along the path to a public
   * destination: route selection does not know the tag's addresses, so when the tag's ranges are
   * not supplied, or hold the destination (or the destination is unknown), the path is undecided.
   */
  private Optional<String> serviceTagRoute(Path p, Optional<Ipv4Address> destination) {
    for (dev.pgreach.core.Hop hop : p.hops()) {
      Optional<dev.pgreach.core.RouteTable> table =
          hop.subnet().flatMap(estate.network()::subnet).flatMap(dev.pgreach.core.Subnet::routeTable).flatMap(estate.network()::routeTable);
      if (table.isEmpty()) {
        continue;
      }
      for (dev.pgreach.core.ServiceTagRoute r : table.get().serviceTagRoutes()) {
        Optional<dev.pgreach.core.AddressSet> ranges =
            estate.serviceTagRanges().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(r.serviceTag())).map(java.util.Map.Entry::getValue).findFirst();
        boolean mayHold = ranges.isEmpty() || destination.isEmpty() || ranges.get().contains(destination.get());
        if (mayHold) {
          return Optional.of(
              "Route table " + table.get().name() + " sends service tag " + r.serviceTag() + " to " + r.nextHopType() + "; "
                  + (ranges.isEmpty() ? "its addresses are not supplied, so whether it covers the destination is not known." : "the destination may be one of its addresses, which route selection here does not follow."));
        }
      }
    }
    return Optional.empty();
  }

  private Connection decide(ReasonCode code, String subject, String reason, StepEffect effect) {
    steps.add(new ConnectStep.Decision(code, subject, reason, effect));
    return done();
  }

  private Connection done() {
    if (standInFrom >= 0) {
      for (int i = standInFrom; i < steps.size(); i++) {
        Step s = steps.get(i);
        if (s.reason().contains(UNKNOWN_PUBLIC_ADDRESS.toString()) || s.subject().contains(UNKNOWN_PUBLIC_ADDRESS.toString())) {
          steps.set(i, new ConnectStep.TowardPublicEndpoint(s, standInServer.get(), UNKNOWN_PUBLIC_ADDRESS));
        }
      }
    }
    return new Connection(client, target, port, Verdict.of(Connectivity.untilFirstBlock(steps)), resolution, path, server);
  }
}
