package dev.pgreach.privatelink;

import com.google.common.collect.ImmutableMap;
import dev.pgreach.core.Arrival;
import dev.pgreach.core.Client;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.Place;
import dev.pgreach.core.Reachability;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServerName;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Step;
import dev.pgreach.core.StepEffect;
import dev.pgreach.dns.DnsName;
import dev.pgreach.dns.DnsRecord;
import dev.pgreach.dns.PrivateDnsZone;
import dev.pgreach.dns.RecordName;
import dev.pgreach.dns.Resolution;
import dev.pgreach.dns.Resolver;
import dev.pgreach.firewall.FirewallSource;
import dev.pgreach.firewall.NetworkSecurity;
import dev.pgreach.firewall.PublicAccess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole-estate connection question, compiled once: can a client open a PostgreSQL session to
 * a host name or address?
 *
 * <p>The flow follows the estate end to end and every step lands in one trace:
 *
 * <ol>
 *   <li><b>Resolve</b> (dns): a host name is looked up from the client's place; NXDOMAIN or a
 *       failing resolver blocks, a public name pgreach does not model is indeterminate.
 *   <li><b>Route</b> (core): from the client's place to the address, through peerings, gateways,
 *       gateway transit, user-defined routes and appliances.
 *   <li><b>Front door</b>: the address is a VNet-integrated server's private address, a private
 *       endpoint, a server's public endpoint, or nothing. A private endpoint reaches only its own
 *       server: when the host name named another server, the connection is blocked.
 *   <li><b>Filter</b> (firewall): network security groups at every hop (for a private endpoint, its
 *       subnet's group only when network policies say so); the server firewall and {@code
 *       publicNetworkAccess} at a public endpoint, with the five-minute propagation window; the
 *       connection state at a private endpoint (only Approved carries traffic).
 *   <li><b>Session</b>: port 5432, or 6432 with PgBouncer; TLS versions and {@code
 *       require_secure_transport}.
 * </ol>
 *
 * <p>A connected answer ends with a note that PostgreSQL authentication still applies; one made by
 * address warns that server addresses are not static. Nothing the model does not know is ever
 * reported connected.
 *
 * <pre>{@code
 * Connectivity connectivity = Connectivity.of(estate, ServiceProfile.current());
 * Connection c = connectivity.connect(estate.client("orders-api"),
 *     "orders-db.postgres.database.azure.com", 5432, Instant.parse("2026-11-24T10:00:00Z"));
 * c.disposition();                 // ALLOWED, BLOCKED or INDETERMINATE
 * System.out.println(c.explanation());
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class Connectivity {
  /**
   * A public address used to route toward a public endpoint whose address is unknown. It is from
   * the benchmarking range 198.18.0.0/15, which no Azure service uses; the answer is only trusted
   * when no user route and no security rule treats parts of the public address space differently.
   */
  static final Ipv4Address UNKNOWN_PUBLIC_ADDRESS = Ipv4Address.parse("198.18.255.254");

  /** The private ranges (RFC 1918 and RFC 6598), which a server's public address is never in. */
  static final dev.pgreach.core.AddressSet PRIVATE_RANGES =
      dev.pgreach.core.AddressSet.parse("10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10");

  private final Estate estate;
  private final ServiceProfile profile;
  private final Reachability reachability;
  private final NetworkSecurity security;
  private final Resolver resolver;
  final ImmutableMap<ResourceId, Map<Ipv4Address, FrontDoorEntry>> privateFrontDoors;
  final ImmutableMap<Ipv4Address, FlexibleServer> publicFrontDoors;
  final ImmutableMap<ResourceId, PublicAccess> publicAccess;

  /**
   * What answers at one private address: a server (in the estate, or outside the input when a
   * private endpoint reaches one the input does not hold), through its private endpoint or its own
   * address, and whether the address is known or a stand-in.
   */
  record FrontDoorEntry(ResourceId serverId, Optional<FlexibleServer> server, Optional<PrivateEndpoint> endpoint, boolean known) {}

  /**
   * Networks where something the input does not place (a server or endpoint in a subnet outside
   * the input, a server whose networking mode is unknown) may answer at an address: "nothing
   * listens here" cannot be said there, with why.
   */
  private final ImmutableMap<ResourceId, String> unplacedDoors;
  /** Why any network may hold a door the input does not place (a server whose networking mode is unknown), if one may. */
  private final Optional<String> doorsAnywhere;
  /** The exposure cut points, computed on the first exposure question and shared by all. */
  private volatile long[] exposureCuts;
  /** The subnets that forward toward each address, for exposure; built on first use. */
  private volatile DoorSources doorSources;
  /** Whether the DNS queries of each place and class of source addresses reach their DNS servers unfiltered, kept once worked out. */
  private final DnsPaths dnsPaths;
  /** Each server's private endpoints, in the estate's order. */
  final com.google.common.collect.ImmutableListMultimap<ResourceId, PrivateEndpoint> endpointsByServer;

  private Connectivity(Estate estate, ServiceProfile profile) {
    this.estate = estate;
    this.profile = profile;
    this.reachability = Reachability.of(estate.network(), profile, estate.privateEndpointAddresses());
    this.security = NetworkSecurity.of(reachability, estate.networkSecurityGroups(), estate.serviceTagRanges());
    this.resolver = Resolver.of(estate.dnsEstate(), reachability);
    Map<ResourceId, Map<Ipv4Address, FrontDoorEntry>> doors = new HashMap<>();
    Map<Ipv4Address, FlexibleServer> publics = new HashMap<>();
    Map<ResourceId, String> unplaced = new HashMap<>();
    Optional<String> anywhere = Optional.empty();
    ImmutableMap.Builder<ResourceId, PublicAccess> access = ImmutableMap.builder();
    dev.pgreach.core.Network network = estate.network();
    for (FlexibleServer s : network.flexibleServers()) {
      if (s.isVnetIntegrated()) {
        ResourceId subnet = s.delegatedSubnet().get();
        ResourceId vnet = dev.pgreach.core.Network.virtualNetworkIdOf(subnet);
        Optional<Ipv4Address> known = privateAddress(s);
        Optional<Ipv4Address> address = known.or(() -> standInPrivateAddress(estate, s));
        address.ifPresent(
            a -> doors.computeIfAbsent(vnet, k -> new HashMap<>()).putIfAbsent(a, new FrontDoorEntry(s.id(), Optional.of(s), Optional.empty(), known.isPresent())));
        if (network.subnet(subnet).isEmpty()) {
          unplaced.putIfAbsent(vnet, "server " + s.name() + " is in subnet " + estate.coverage().describe(subnet) + ", which is not in the input");
        }
        if (estate.coverage().standIns().contains(subnet) && anywhere.isEmpty()) {
          // The subnet's real id is not known: it may be in any network, one of the input's among them.
          anywhere = Optional.of("server " + s.name() + " is VNet-integrated in a subnet whose id is not known, which may be in any virtual network");
        }
      } else {
        if (s.networkingMode() == dev.pgreach.core.NetworkingMode.UNKNOWN && anywhere.isEmpty()) {
          anywhere = Optional.of("whether server " + s.name() + " is VNet-integrated, and where, is not known from the input");
        }
        s.publicAddress().ifPresent(a -> publics.putIfAbsent(a, s));
        access.put(
            s.id(),
            PublicAccess.of(s, estate.firewallRulesOf(s.id()))
                .withProfile(profile)
                .withAzureRanges(estate.azureRanges())
                .withRulesComplete(estate.firewallRulesComplete(s.id())));
      }
    }
    for (PrivateEndpoint p : estate.privateEndpoints()) {
      ResourceId vnet = dev.pgreach.core.Network.virtualNetworkIdOf(p.subnet());
      doors.computeIfAbsent(vnet, k -> new HashMap<>())
          .putIfAbsent(p.privateAddress(), new FrontDoorEntry(p.targetServer(), network.flexibleServer(p.targetServer()), Optional.of(p), true));
      if (network.subnet(p.subnet()).isEmpty()) {
        unplaced.putIfAbsent(vnet, "private endpoint " + p.name() + " is in subnet " + estate.coverage().describe(p.subnet()) + ", which is not in the input");
      }
    }
    this.endpointsByServer = estate.privateEndpoints().stream().collect(com.google.common.collect.ImmutableListMultimap.toImmutableListMultimap(PrivateEndpoint::targetServer, p -> p));
    this.unplacedDoors = ImmutableMap.copyOf(unplaced);
    this.doorsAnywhere = anywhere;
    ImmutableMap.Builder<ResourceId, Map<Ipv4Address, FrontDoorEntry>> frozen = ImmutableMap.builder();
    doors.forEach((k, v) -> frozen.put(k, ImmutableMap.copyOf(v)));
    this.privateFrontDoors = frozen.buildOrThrow();
    this.publicFrontDoors = ImmutableMap.copyOf(publics);
    this.publicAccess = access.buildOrThrow();
    this.dnsPaths = new DnsPaths(estate.network(), reachability, security, this::exposureCuts);
  }

  /**
   * Compiles an estate under a service profile.
   *
   * @param estate the estate
   * @param profile the profile whose rules apply
   * @return the compiled view
   */
  public static Connectivity of(Estate estate, ServiceProfile profile) {
    Checks.notNull(estate, "Connectivity.estate");
    Checks.notNull(profile, "Connectivity.profile");
    return new Connectivity(estate, profile);
  }

  /**
   * Compiles an estate under the {@code current} profile.
   *
   * @param estate the estate
   * @return the compiled view
   */
  public static Connectivity of(Estate estate) {
    return of(estate, ServiceProfile.current());
  }

  /**
   * Answers one connection question without keeping the compiled view.
   *
   * @param estate the estate
   * @param client the client
   * @param target a host name or a dotted-quad address
   * @param port the port
   * @param at the instant of the question
   * @param profile the service profile
   * @return the answer
   * @throws PgreachException as {@link #connect(Client, String, int, Instant)} does
   */
  public static Connection connect(Estate estate, Client client, String target, int port, Instant at, ServiceProfile profile) {
    return of(estate, profile).connect(client, target, port, at);
  }

  /**
   * Returns the estate.
   *
   * @return the estate
   */
  public Estate estate() {
    return estate;
  }

  /**
   * Returns the service profile.
   *
   * @return the profile
   */
  public ServiceProfile profile() {
    return profile;
  }

  /**
   * Returns the compiled routing.
   *
   * @return the routing, with the private endpoints' /32 routes
   */
  public Reachability reachability() {
    return reachability;
  }

  /**
   * Returns the compiled network security groups.
   *
   * @return the security view
   */
  public NetworkSecurity networkSecurity() {
    return security;
  }

  /** Returns what is kept of each place's DNS-server paths. */
  DnsPaths dnsPaths() {
    return dnsPaths;
  }

  /**
   * Returns the resolver over the estate's DNS view.
   *
   * @return the resolver
   */
  public Resolver resolver() {
    return resolver;
  }

  /**
   * Resolves a host name from a client's place.
   *
   * @param client the client
   * @param name the host name
   * @return the resolution
   * @throws PgreachException {@link ErrorCode#INVALID_VALUE} naming {@code Client[name]} when the
   *     client's address is outside its subnet or its on-premises network's prefixes
   */
  public Resolution resolve(Client client, DnsName name) {
    Checks.notNull(client, "Connectivity.resolve.client");
    Estate.checkAddressInPlace(estate.network(), client);
    return resolver.resolve(client.location(), name);
  }

  /**
   * Answers whether the client can open a session to the target.
   *
   * @param client the client
   * @param target a host name (such as {@code orders-db.postgres.database.azure.com}) or a
   *     dotted-quad address
   * @param port the port, 1 to 65535
   * @param at the instant of the question (for the firewall's propagation window)
   * @return the answer
   * @throws PgreachException {@link ErrorCode#INVALID_DNS_NAME} when the target is neither an
   *     address nor a host name; {@link ErrorCode#INVALID_PORT_RANGE} for a port outside 1–65535;
   *     {@link ErrorCode#UNKNOWN_RESOURCE} when the client's location names something not in the
   *     estate; {@link ErrorCode#INVALID_VALUE} naming {@code Client[name]} when the client's
   *     address is outside its subnet or its on-premises network's prefixes
   */
  public Connection connect(Client client, String target, int port, Instant at) {
    return connect(client, target, port, at, Optional.empty());
  }

  /**
   * Answers whether a session the client established at an earlier instant to the target still
   * gets through at {@code at}. Network security groups are stateful: a flow established before a
   * rule change continues, so the groups on its path judge it by the rules in force when it was
   * established. When no rule on the path has changed since ({@code SecurityRule.changedAt} not
   * after {@code establishedSince}, or not known), that is the current rule set and the answer
   * notes it ({@link ReasonCode#SESSION_ESTABLISHED}); when one has, the rule as it was before its
   * change is not known, so the groups' answer is indeterminate ({@link
   * ReasonCode#SECURITY_RULE_CHANGED_SINCE_ESTABLISHED}, naming the rule), never connected or
   * blocked on the strength of the current rules alone. Every other step (DNS, routing, the
   * firewall, the server) is judged at {@code at}, as for a new session.
   *
   * @param client the client
   * @param target a host name or a dotted-quad address
   * @param port the port, 1 to 65535
   * @param at the instant of the question
   * @param establishedSince when the session was established, not after {@code at}
   * @return the answer
   * @throws PgreachException as {@link #connect(Client, String, int, Instant)}, and {@link
   *     ErrorCode#INVALID_VALUE} when {@code establishedSince} is after {@code at}
   */
  public Connection connect(Client client, String target, int port, Instant at, Instant establishedSince) {
    Checks.notNull(establishedSince, "Connectivity.connect.establishedSince");
    return connect(client, target, port, at, Optional.of(establishedSince));
  }

  private Connection connect(Client client, String target, int port, Instant at, Optional<Instant> establishedSince) {
    Checks.notNull(client, "Connectivity.connect.client");
    Checks.notNull(target, "Connectivity.connect.target");
    Checks.notNull(at, "Connectivity.connect.at");
    if (establishedSince.isPresent() && establishedSince.get().isAfter(at)) {
      throw PgreachException.of(
          ErrorCode.INVALID_VALUE,
          "Connectivity.connect.establishedSince (%s) must not be after the instant of the question (%s)",
          establishedSince.get(),
          at);
    }
    Estate.checkAddressInPlace(estate.network(), client);
    if (port < 1 || port > 65535) {
      throw PgreachException.of(ErrorCode.INVALID_PORT_RANGE, "Connectivity.connect.port (%d) must be between 1 and 65535", port);
    }
    Optional<Ipv4Address> address = Ipv4Address.tryParse(target);
    if (address.isPresent()) {
      return new ConnectAttempt(this, client, target, port, at, establishedSince).byAddress(address.get());
    }
    return new ConnectAttempt(this, client, target, port, at, establishedSince).byName(DnsName.parse(target));
  }

  /**
   * Answers who can reach a server at all: for every subnet and on-premises network, the source
   * addresses that connect to each of the server's private front doors, and the public source
   * addresses its public endpoint admits.
   *
   * <p>Source addresses are grouped into equivalence classes: every boundary of a security rule's
   * source (prefixes, ranges and service tags resolved to addresses) and every network interface
   * address cuts a subnet into ranges whose addresses all get the same answer, so one connection
   * question per range decides the whole range. Routing does not depend on the source address
   * within a subnet, and a network interface's own group applies only to its address.
   *
   * @param server the server's id
   * @param port the port, 1 to 65535
   * @param at the instant
   * @return the exposure
   * @throws PgreachException {@link ErrorCode#UNKNOWN_RESOURCE} when the server is not in the
   *     estate; {@link ErrorCode#INVALID_PORT_RANGE} for a port outside 1–65535
   */
  public Exposure expose(ResourceId server, int port, Instant at) {
    Checks.notNull(server, "Connectivity.expose.server");
    Checks.notNull(at, "Connectivity.expose.at");
    if (port < 1 || port > 65535) {
      throw PgreachException.of(ErrorCode.INVALID_PORT_RANGE, "Connectivity.expose.port (%d) must be between 1 and 65535", port);
    }
    FlexibleServer target = estate.server(server);
    List<Door> doors = new ArrayList<>();
    if (target.isVnetIntegrated()) {
      // With the address unknown, the subnet's stand-in door gives indeterminate answers, so every
      // source that could reach the server is reported undecided, never connected.
      privateAddress(target)
          .or(() -> standInPrivateAddress(estate, target))
          .ifPresent(a -> doors.add(new Door(FrontDoorKind.SERVER_PRIVATE_ADDRESS, a, Optional.empty())));
    }
    for (PrivateEndpoint p : endpointsByServer.get(server)) {
      doors.add(new Door(FrontDoorKind.PRIVATE_ENDPOINT, p.privateAddress(), Optional.of(p.id())));
    }
    long[] cuts = exposureCuts();
    DoorSources sources = doorSources();
    List<java.util.BitSet> forwarding = new ArrayList<>();
    for (Door door : doors) {
      forwarding.add(sources.forwardingTo(door.address()));
    }
    List<Exposure.Reach> reaches = new ArrayList<>();
    // Only the subnets whose first hop forwards toward some door, in the estate's order of
    // networks and subnets, then doors.
    java.util.BitSet any = new java.util.BitSet();
    forwarding.forEach(any::or);
    for (int ordinal = any.nextSetBit(0); ordinal >= 0; ordinal = any.nextSetBit(ordinal + 1)) {
      dev.pgreach.core.Subnet subnet = sources.subnets().get(ordinal);
      if (subnet.name().equalsIgnoreCase("GatewaySubnet")) {
        continue; // gateways, not hosts, live there
      }
      ResourceId vnet = sources.networkOf(ordinal);
      for (int d = 0; d < doors.size(); d++) {
        Door door = doors.get(d);
        if (!forwarding.get(d).get(ordinal)) {
          continue; // the subnet's first hop drops every packet to the door: nothing to report
        }
        dev.pgreach.core.AddressSet hosts =
            subnet.addressPrefix().toAddressSet().difference(subnet.reservedAddresses()).difference(dev.pgreach.core.AddressSet.of(dev.pgreach.core.Ipv4Range.single(door.address())));
        reach(new Place.Vnet(vnet), Optional.of(subnet.id()), hosts, cuts, door, port, at, reaches,
            a -> new ClientLocation.InVirtualNetwork(subnet.id(), a, Optional.empty(), interfaceAt(subnet.id(), a)));
      }
    }
    for (dev.pgreach.core.OnPremisesNetwork o : estate.network().onPremisesNetworks()) {
      for (Door door : doors) {
        reach(new Place.OnPremises(o.id()), Optional.empty(), o.addresses(), cuts, door, port, at, reaches,
            a -> ClientLocation.OnPremises.of(o.id(), a));
      }
    }
    dev.pgreach.core.AddressSet publicSources = dev.pgreach.core.AddressSet.EMPTY;
    dev.pgreach.core.AddressSet publicUndecided = dev.pgreach.core.AddressSet.EMPTY;
    boolean azure = false;
    boolean azureUndecided = false;
    PublicAccess access = publicAccess.get(server);
    boolean excluded = profile.privateEndpointsForbidPublicAccess() && !endpointsByServer.get(server).isEmpty();
    StepEffect listens = Session.port(target, port).effect();
    StepEffect session = sessionOpens(target);
    StepEffect running = Session.state(target).map(Step::effect).orElse(StepEffect.PASSED);
    if (access != null && access.enforcesRules() && !excluded
        && listens != StepEffect.BLOCKED && session != StepEffect.BLOCKED && running != StepEffect.BLOCKED) {
      boolean certain =
          listens == StepEffect.PASSED
              && session == StepEffect.PASSED
              && running == StepEffect.PASSED
              && access.settingsKnown()
              && !(profile.privateEndpointsForbidPublicAccess()
                  && !estate.coverage().isComplete(dev.pgreach.core.Inventory.PRIVATE_ENDPOINT_CONNECTIONS, server));
      dev.pgreach.core.AddressSet admitted = access.admittedAddresses(at).intersection(dev.pgreach.core.AddressSet.PUBLIC);
      dev.pgreach.core.AddressSet undecided = access.undecidedAddresses(at).intersection(dev.pgreach.core.AddressSet.PUBLIC);
      publicSources = certain ? admitted : dev.pgreach.core.AddressSet.EMPTY;
      publicUndecided = certain ? undecided : admitted.union(undecided);
      dev.pgreach.core.Verdict azureVerdict = access.admit(FirewallSource.unknown(true), at);
      azure = certain && azureVerdict.isAllowed();
      // Whether every Azure address is admitted is a matter of the 0.0.0.0 rule (or a rule admitting
      // everyone): undecided when the rules are not all shown, when such a rule is there but a
      // setting is not known or it is still propagating, or when one is being removed.
      boolean azureRule =
          access.rules().rules().stream().anyMatch(r -> r.isAllowAzureServices() || r.isAllowAll())
              || access.rules().removals().stream().anyMatch(r -> r.isAllowAzureServices() || r.range().equals(dev.pgreach.core.Ipv4Range.ALL));
      azureUndecided = !azure && azureVerdict.disposition() != dev.pgreach.core.Disposition.BLOCKED && (azureRule || !access.rulesComplete());
    }
    reaches.sort(
        java.util.Comparator.comparing((Exposure.Reach r) -> r.place() instanceof Place.Vnet ? 0 : 1)
            .thenComparing(r -> r.place() instanceof Place.Vnet ? ((Place.Vnet) r.place()).virtualNetwork() : ((Place.OnPremises) r.place()).network())
            .thenComparing(r -> r.subnet().map(ResourceId::toString).orElse(""))
            .thenComparing(Exposure.Reach::address));
    return new Exposure(
        server, port, at, com.google.common.collect.ImmutableList.copyOf(reaches), publicSources, publicUndecided, azure, azureUndecided, unknownWaysIn(target, doors));
  }

  /**
   * The ways into a server the input cannot see, as {@link Exposure#unknownWaysIn()} lists them:
   * Approved (or unknown-state) connections to endpoints outside the input, the inventory of the
   * server's endpoint connections when it is not all in the input, a delegated subnet outside the
   * input, a networking mode not known, a front door in a subnet outside the input, and networks
   * outside the input peered with a front door's network. Each is named once, in that order.
   */
  private com.google.common.collect.ImmutableList<Exposure.UnknownWay> unknownWaysIn(FlexibleServer target, List<Door> doors) {
    dev.pgreach.core.Coverage coverage = estate.coverage();
    dev.pgreach.core.Network network = estate.network();
    Map<ResourceId, Exposure.UnknownWay> ways = new java.util.LinkedHashMap<>();
    String name = target.name().toString();
    for (PrivateEndpointConnection c : estate.connectionsOutsideEstate(target.id())) {
      if (c.state() == PrivateEndpointConnectionState.APPROVED || c.state() == PrivateEndpointConnectionState.UNKNOWN) {
        ways.putIfAbsent(c.privateEndpoint(), new Exposure.UnknownWay(c.privateEndpoint(),
            "private endpoint " + c.privateEndpoint().name() + ", whose connection to " + name
                + (c.state() == PrivateEndpointConnectionState.APPROVED ? " is Approved" : " is in a state the input does not give")
                + ", is not in the input: its address and network, and so who reaches " + name + " through it, are not known"));
      }
    }
    if (!target.isVnetIntegrated() && !coverage.isComplete(dev.pgreach.core.Inventory.PRIVATE_ENDPOINT_CONNECTIONS, target.id())) {
      ways.putIfAbsent(target.id(), new Exposure.UnknownWay(target.id(),
          dev.pgreach.core.Inventory.PRIVATE_ENDPOINT_CONNECTIONS.of(name)
              + " are not all in the input: an approved private endpoint the input does not show would let hosts in its network reach " + name));
    }
    if (target.isVnetIntegrated()) {
      ResourceId subnet = target.delegatedSubnet().get();
      if (network.subnet(subnet).isEmpty()) {
        ways.putIfAbsent(subnet, new Exposure.UnknownWay(subnet,
            coverage.standIns().contains(subnet)
                ? "the delegated subnet of " + name + " (" + coverage.describe(subnet) + ") is not known, nor its network: hosts there and in networks peered or connected to it may reach " + name + " at its private address"
                : "the delegated subnet " + coverage.describe(subnet) + " of " + name + " is not in the input: who reaches " + name
                    + " at its private address (hosts in that subnet's network and in networks peered or connected to it) is not known"));
      }
    } else if (target.networkingMode() == dev.pgreach.core.NetworkingMode.UNKNOWN) {
      ways.putIfAbsent(target.id(), new Exposure.UnknownWay(target.id(),
          "whether " + name + " is VNet-integrated, and where, is not known from the input: hosts in its delegated subnet's network would reach it at its private address"));
    }
    for (Door door : doors) {
      door.endpoint().flatMap(id -> estate.privateEndpoints().stream().filter(p -> p.id().equals(id)).findFirst()).ifPresent(p -> {
        if (network.subnet(p.subnet()).isEmpty()) {
          ways.putIfAbsent(p.subnet(), new Exposure.UnknownWay(p.subnet(),
              "subnet " + coverage.describe(p.subnet()) + " of private endpoint " + p.name() + " is not in the input: who reaches " + name + " through it is not known"));
        }
      });
    }
    java.util.Set<ResourceId> doorNetworks = new java.util.LinkedHashSet<>();
    if (target.isVnetIntegrated()) {
      doorNetworks.add(dev.pgreach.core.Network.virtualNetworkIdOf(target.delegatedSubnet().get()));
    }
    for (PrivateEndpoint p : endpointsByServer.get(target.id())) {
      doorNetworks.add(dev.pgreach.core.Network.virtualNetworkIdOf(p.subnet()));
    }
    for (ResourceId vnet : doorNetworks) {
      Optional<dev.pgreach.core.VirtualNetwork> v = network.virtualNetwork(vnet);
      if (v.isEmpty()) {
        continue;
      }
      for (dev.pgreach.core.VirtualNetworkPeering peering : v.get().virtualNetworkPeerings()) {
        ResourceId remote = peering.remoteVirtualNetwork();
        if (network.virtualNetwork(remote).isEmpty()) {
          ways.putIfAbsent(remote, new Exposure.UnknownWay(remote,
              "virtual network " + coverage.describe(remote) + ", peered with " + vnet.name() + " where a front door of " + name
                  + " is, is not in the input: whether hosts there reach " + name + " is not known"));
        }
      }
    }
    return com.google.common.collect.ImmutableList.copyOf(ways.values());
  }

  /**
   * Answers who can reach every server of the estate: {@link #expose(ResourceId, int, Instant)} of
   * each server, in server id order. The exposures share the compiled view's equivalence classes of
   * source addresses (computed once), and a place whose route to a front door is blocked is settled
   * by one route question for all its addresses.
   *
   * @param port the port, 1 to 65535
   * @param at the instant
   * @return every server's exposure
   * @throws PgreachException {@link ErrorCode#INVALID_PORT_RANGE} for a port outside 1–65535
   */
  public ExposureMatrix matrix(int port, Instant at) {
    Checks.notNull(at, "Connectivity.matrix.at");
    if (port < 1 || port > 65535) {
      throw PgreachException.of(ErrorCode.INVALID_PORT_RANGE, "Connectivity.matrix.port (%d) must be between 1 and 65535", port);
    }
    List<ResourceId> servers = new ArrayList<>();
    for (FlexibleServer s : estate.network().flexibleServers()) {
      servers.add(s.id());
    }
    servers.sort(null);
    com.google.common.collect.ImmutableList.Builder<Exposure> exposures = com.google.common.collect.ImmutableList.builder();
    ResourceId previous = null;
    for (ResourceId s : servers) {
      if (!s.equals(previous)) {
        exposures.add(expose(s, port, at));
      }
      previous = s;
    }
    return new ExposureMatrix(port, at, exposures.build());
  }

  /** Which subnets forward toward each address, computed on the first exposure question (a racing thread builds an equal index). */
  private DoorSources doorSources() {
    DoorSources d = doorSources;
    if (d == null) {
      d = new DoorSources(estate.network().virtualNetworks(), reachability);
      doorSources = d;
    }
    return d;
  }

  /** The cut points of {@link ExposureCuts}, computed once (a racing thread computes an equal array). */
  private long[] exposureCuts() {
    long[] c = exposureCuts;
    if (c == null) {
      c = ExposureCuts.of(estate, reachability);
      exposureCuts = c;
    }
    return c;
  }

  /** One private front door of a server. */
  private record Door(FrontDoorKind kind, Ipv4Address address, Optional<ResourceId> endpoint) {}

  private void reach(
      Place place,
      Optional<ResourceId> subnet,
      dev.pgreach.core.AddressSet hosts,
      long[] cuts,
      Door door,
      int port,
      Instant at,
      List<Exposure.Reach> out,
      java.util.function.Function<Ipv4Address, ClientLocation> location) {
    dev.pgreach.core.AddressSet.Builder connected = dev.pgreach.core.AddressSet.builder();
    dev.pgreach.core.AddressSet.Builder undecided = dev.pgreach.core.AddressSet.builder();
    // Routing does not depend on the source address within a place: when the route from a host
    // without an interface is blocked, every such host's connection is (the packet never leaves).
    Boolean routeBlocked = null;
    for (dev.pgreach.core.Ipv4Range atom : ExposureCuts.split(hosts, cuts)) {
      ClientLocation from = location.apply(atom.first());
      boolean plain = !(from instanceof ClientLocation.InVirtualNetwork) || ((ClientLocation.InVirtualNetwork) from).networkInterface().isEmpty();
      if (plain) {
        if (routeBlocked == null) {
          routeBlocked = reachability.route(from, door.address()).verdict().disposition() == dev.pgreach.core.Disposition.BLOCKED;
        }
        if (routeBlocked) {
          continue;
        }
      }
      Client probe = Client.builder().name("exposure-probe").location(from).build();
      Connection c = connect(probe, door.address().toString(), port, at);
      if (c.disposition() == dev.pgreach.core.Disposition.ALLOWED) {
        connected.add(atom);
      } else if (c.disposition() == dev.pgreach.core.Disposition.INDETERMINATE) {
        undecided.add(atom);
      }
    }
    dev.pgreach.core.AddressSet yes = connected.build();
    dev.pgreach.core.AddressSet maybe = undecided.build();
    if (!yes.isEmpty() || !maybe.isEmpty()) {
      out.add(new Exposure.Reach(place, subnet, door.kind(), door.address(), door.endpoint(), yes, maybe));
    }
  }

  private Optional<ResourceId> interfaceAt(ResourceId subnet, Ipv4Address address) {
    return estate.network().networkInterfacesIn(subnet).stream()
        .filter(n -> n.privateAddress().equals(address))
        .map(dev.pgreach.core.NetworkInterface::id)
        .findFirst();
  }

  /** What the server's TLS settings do to a client offering TLS 1.2 and 1.3. */
  private StepEffect sessionOpens(FlexibleServer server) {
    Client probe = Client.builder().name("exposure-probe").location(new ClientLocation.Internet(UNKNOWN_PUBLIC_ADDRESS)).build();
    return Session.tls(server, probe, profile).effect();
  }


  /**
   * The trace a verdict reads: evaluation stops at the first step that blocks, so steps a later
   * check appended after it (a DNS server's path, a note) are not part of the answer. Every trace
   * assembled here is therefore a valid verdict, whatever order its checks ran in.
   */
  static List<Step> untilFirstBlock(List<Step> steps) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).effect() == StepEffect.BLOCKED) {
        return steps.subList(0, i + 1);
      }
    }
    return steps;
  }

  /**
   * Why "nothing answers at this address" cannot be said in an open world, if it cannot: the
   * network holds a server or endpoint the input does not place, a server's networking mode is
   * unknown, or the subnet holding the address (its servers and endpoints) is not all in the input.
   */
  Optional<String> nothingUnproven(ResourceId vnet, Arrival arrival) {
    if (doorsAnywhere.isPresent()) {
      // A server whose networking is unknown may answer anywhere, however whole the input's lists are.
      return doorsAnywhere;
    }
    dev.pgreach.core.Coverage coverage = estate.coverage();
    if (!coverage.isOpen()) {
      return Optional.empty();
    }
    String why = unplacedDoors.get(vnet);
    if (why != null) {
      return Optional.of(why);
    }
    if (arrival.subnet().isEmpty()) {
      return coverage.isComplete(dev.pgreach.core.Inventory.SUBNETS, vnet)
          ? Optional.empty()
          : Optional.of(dev.pgreach.core.Inventory.SUBNETS.of(vnet.name()) + " are not all in the input");
    }
    ResourceId subnet = arrival.subnet().get();
    for (dev.pgreach.core.Inventory i : List.of(dev.pgreach.core.Inventory.FLEXIBLE_SERVERS, dev.pgreach.core.Inventory.PRIVATE_ENDPOINTS)) {
      if (!coverage.isComplete(i, subnet)) {
        return Optional.of(i.of("subnet " + subnet.name()) + " are not all in the input");
      }
    }
    return Optional.empty();
  }

  /** The server a host name names: {@code <server>.postgres.database.azure.com} for a server in the estate. */
  Optional<FlexibleServer> serverNamed(DnsName name) {
    String text = name.toString();
    for (String suffix : List.of("." + ServerName.DNS_SUFFIX, ".privatelink." + ServerName.DNS_SUFFIX)) {
      if (text.endsWith(suffix)) {
        String label = text.substring(0, text.length() - suffix.length());
        Optional<FlexibleServer> s = ServerName.tryParse(label).flatMap(estate.network()::flexibleServer);
        if (s.isPresent()) {
          return s;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Where a VNet-integrated server whose address is not known would be: the first address of its
   * delegated subnet that is not reserved and not held by an interface (Azure gives the first
   * server of a subnet its first free address). Answers through it are indeterminate.
   */
  private static Optional<Ipv4Address> standInPrivateAddress(Estate estate, FlexibleServer s) {
    Optional<dev.pgreach.core.Subnet> subnet = s.delegatedSubnet().flatMap(estate.network()::subnet);
    if (subnet.isEmpty()) {
      return Optional.empty();
    }
    dev.pgreach.core.AddressSet taken = dev.pgreach.core.AddressSet.ofAddresses(
        estate.network().networkInterfacesIn(subnet.get().id()).stream().map(dev.pgreach.core.NetworkInterface::privateAddress).collect(java.util.stream.Collectors.toList()));
    return subnet.get().addressPrefix().toAddressSet().difference(subnet.get().reservedAddresses()).difference(taken).first();
  }

  /** A VNet-integrated server's private address: as set, else its A record in its private zone. */
  private Optional<Ipv4Address> privateAddress(FlexibleServer s) {
    if (s.privateAddress().isPresent()) {
      return s.privateAddress();
    }
    Optional<ResourceId> zoneId = s.privateDnsZone();
    if (zoneId.isEmpty()) {
      return Optional.empty();
    }
    RecordName record = RecordName.parse(s.name().toString());
    return estate.privateDnsZones().stream()
        .filter(z -> z.id().equals(zoneId.get()))
        .map(PrivateDnsZone::records)
        .flatMap(List::stream)
        .filter(r -> r instanceof DnsRecord.A && r.name().equals(record))
        .map(r -> ((DnsRecord.A) r).address())
        .filter(a -> estate.network().subnet(s.delegatedSubnet().get()).map(sn -> sn.addressPrefix().contains(a)).orElse(false))
        .sorted()
        .findFirst();
  }
}
