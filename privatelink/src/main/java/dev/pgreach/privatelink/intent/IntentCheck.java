package dev.pgreach.privatelink.intent;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Client;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.Disposition;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Inventory;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.NetworkInterface;
import dev.pgreach.core.OnPremisesNetwork;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.Place;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.dns.DnsName;
import dev.pgreach.dns.Resolution;
import dev.pgreach.dns.ResolutionDisposition;
import dev.pgreach.privatelink.Connection;
import dev.pgreach.privatelink.Connectivity;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.Exposure;
import dev.pgreach.privatelink.PrivateEndpoint;
import dev.pgreach.privatelink.PrivateEndpointConnection;
import dev.pgreach.privatelink.PrivateEndpointConnectionState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks intents against one estate. Exposures are computed once per server and port and shared
 * by every intent (for intents about every server, all at once with {@link Connectivity#matrix}); each violation's counterexample is a real connection question, asked of the
 * same {@link Connectivity}.
 */
final class IntentCheck {
  /** The tenant an Azure-hosted counterexample client belongs to: not the estate's. */
  static final String OTHER_TENANT = "ffffffff-0000-4000-8000-00000000e0e0";

  /** An Azure-allocated address for an Azure-hosted counterexample when the estate loaded none. */
  static final Ipv4Address AZURE_ADDRESS = Ipv4Address.parse("20.33.0.10");

  private final Estate estate;
  private final Connectivity connectivity;
  private final Instant at;
  private final Map<String, Exposure> exposures = new HashMap<>();
  private boolean everyExposureComputed;

  IntentCheck(Connectivity connectivity, Instant at) {
    this.connectivity = connectivity;
    this.estate = connectivity.estate();
    this.at = at;
  }

  /** Finds every name the intents use that the estate lacks, reporting them all at once. */
  void requireNames(List<Intent> intents) {
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < intents.size(); i++) {
      positions.add(i);
    }
    List<PgreachException> problems = unknownNames(estate, intents, positions, "intents");
    if (!problems.isEmpty()) {
      throw PgreachException.several(problems, 0);
    }
  }

  /**
   * Every name the intents use that the estate lacks.
   *
   * @param estate the estate
   * @param intents the intents
   * @param positions the position of each intent in its file
   * @param list how the list of intents is named in a problem's path ({@code intents}, {@code $.intents})
   */
  static List<PgreachException> unknownNames(Estate estate, List<Intent> intents, List<Integer> positions, String list) {
    List<PgreachException> problems = new ArrayList<>();
    for (int i = 0; i < intents.size(); i++) {
      Intent intent = intents.get(i);
      String where = list + "[" + positions.get(i) + "]";
      for (String s : serverNames(intent)) {
        if (server(estate, s).isEmpty()) {
          problems.add(PgreachException.of(ErrorCode.UNKNOWN_RESOURCE, "%s (%s) names server \"%s\", which is not in the estate", where, intent.kind(), s));
        }
      }
      if (intent instanceof Intent.ClientsCanConnect c) {
        for (String name : c.clients()) {
          if (estate.clients().stream().noneMatch(x -> x.name().equals(name))) {
            problems.add(PgreachException.of(ErrorCode.UNKNOWN_RESOURCE, "%s.clients names client \"%s\", which is not in the estate", where, name));
          }
        }
      }
      if (intent instanceof Intent.ReachableOnlyFrom r) {
        for (String place : r.from()) {
          if (!isPlace(estate, place)) {
            problems.add(
                PgreachException.of(
                    ErrorCode.UNKNOWN_RESOURCE,
                    "%s.from names \"%s\", which is no subnet (network/subnet), virtual network or on-premises network of the estate, nor %s or %s",
                    where,
                    place,
                    Intent.INTERNET,
                    Intent.AZURE_SERVICES));
          }
        }
      }
    }
    return problems;
  }

  private static List<String> serverNames(Intent intent) {
    if (intent instanceof Intent.NoInternetExposure x) {
      return x.servers();
    } else if (intent instanceof Intent.ReachableOnlyFrom x) {
      return List.of(x.server());
    } else if (intent instanceof Intent.ClientsCanConnect x) {
      return List.of(x.server());
    } else if (intent instanceof Intent.ResolvableWhereRoutable x) {
      return x.servers();
    } else if (intent instanceof Intent.NoAzureServicesRule x) {
      return x.servers();
    }
    return ((Intent.PrivateEndpointsApproved) intent).servers();
  }

  IntentResult check(Intent intent) {
    List<Violation> broken = new ArrayList<>();
    List<Violation> undecided = new ArrayList<>();
    if (intent instanceof Intent.NoInternetExposure x) {
      scope(x.servers()).forEach(s -> internet(x, s, broken, undecided));
    } else if (intent instanceof Intent.ReachableOnlyFrom x) {
      onlyFrom(x, server(x.server()).orElseThrow(), broken, undecided);
    } else if (intent instanceof Intent.ClientsCanConnect x) {
      clients(x, server(x.server()).orElseThrow(), broken, undecided);
    } else if (intent instanceof Intent.ResolvableWhereRoutable x) {
      scope(x.servers()).forEach(s -> byName(x, s, broken, undecided));
    } else if (intent instanceof Intent.NoAzureServicesRule x) {
      scope(x.servers()).forEach(s -> azure(x, s, broken, undecided));
    } else {
      Intent.PrivateEndpointsApproved x = (Intent.PrivateEndpointsApproved) intent;
      scope(x.servers()).forEach(s -> approved(x, s, broken, undecided));
    }
    return new IntentResult(intent, ImmutableList.copyOf(broken), ImmutableList.copyOf(undecided));
  }

  // ------------------------------------------------------------------ the intents

  private void internet(Intent intent, FlexibleServer s, List<Violation> broken, List<Violation> undecided) {
    for (int port : ports(s)) {
      Exposure e = exposure(s, port);
      e.publicSources().first().ifPresent(a -> broken.add(publicFlow(intent, s, port, a, e.publicSources(), "admits")));
      if (e.publicSources().isEmpty()) {
        e.publicUndecided().first().ifPresent(a -> undecided.add(publicFlow(intent, s, port, a, e.publicUndecided(), "may admit")));
      }
      if (e.azureServices()) {
        broken.add(azureFlow(intent, s, port));
      } else if (e.azureServicesUndecided() && e.publicSources().isEmpty() && e.publicUndecided().isEmpty()) {
        undecided.add(azureUndecided(intent, s, port));
      }
    }
  }

  private void onlyFrom(Intent.ReachableOnlyFrom intent, FlexibleServer s, List<Violation> broken, List<Violation> undecided) {
    boolean internet = intent.from().contains(Intent.INTERNET);
    boolean azure = intent.from().contains(Intent.AZURE_SERVICES);
    for (int port : ports(s)) {
      Exposure e = exposure(s, port);
      for (Exposure.Reach r : e.privatePaths()) {
        if (allowed(intent.from(), r)) {
          continue;
        }
        r.connected().first().ifPresent(a -> broken.add(privateFlow(intent, s, port, r, a, r.connected(), "reach")));
        if (r.connected().isEmpty()) {
          r.undecided().first().ifPresent(a -> undecided.add(privateFlow(intent, s, port, r, a, r.undecided(), "may reach")));
        }
      }
      if (!internet) {
        e.publicSources().first().ifPresent(a -> broken.add(publicFlow(intent, s, port, a, e.publicSources(), "admits")));
        if (e.publicSources().isEmpty()) {
          e.publicUndecided().first().ifPresent(a -> undecided.add(publicFlow(intent, s, port, a, e.publicUndecided(), "may admit")));
        }
      }
      if (!azure && !internet && e.azureServices()) {
        broken.add(azureFlow(intent, s, port));
      } else if (!azure && !internet && e.azureServicesUndecided() && e.publicUndecided().isEmpty()) {
        undecided.add(azureUndecided(intent, s, port));
      }
      // A way in the input does not show may admit anyone: never satisfied while one exists.
      for (Exposure.UnknownWay w : e.unknownWaysIn()) {
        undecided.add(new Violation(intent, "Whether only " + String.join(", ", intent.from()) + " reach " + s.name() + ":" + port + " is not known: " + w.reason(), Optional.empty()));
      }
    }
  }

  private void clients(Intent.ClientsCanConnect intent, FlexibleServer s, List<Violation> broken, List<Violation> undecided) {
    List<Client> clients = new ArrayList<>();
    if (intent.clients().isEmpty()) {
      clients.addAll(estate.clients());
    } else {
      intent.clients().forEach(n -> clients.add(estate.client(n)));
    }
    for (Client c : clients) {
      Connection connection = connectivity.connect(c, s.fullyQualifiedDomainName(), dev.pgreach.core.FlexibleServer.POSTGRES_PORT, at);
      if (connection.disposition() == Disposition.BLOCKED) {
        broken.add(new Violation(intent, c.name() + " cannot connect to " + s.name() + " by name", Optional.of(connection)));
      } else if (connection.disposition() == Disposition.INDETERMINATE) {
        undecided.add(new Violation(intent, "whether " + c.name() + " can connect to " + s.name() + " by name is not known", Optional.of(connection)));
      }
    }
  }

  /**
   * Per place: the sources that reach some private door by address, minus those that reach a door
   * the place's DNS gives for the server's name. Name resolution is a matter of the place (its
   * network's DNS settings, or the on-premises network's servers), not of the source address.
   */
  private void byName(Intent intent, FlexibleServer s, List<Violation> broken, List<Violation> undecided) {
    Exposure e = exposure(s, FlexibleServer.POSTGRES_PORT);
    Map<String, List<Exposure.Reach>> byPlace = new LinkedHashMap<>();
    for (Exposure.Reach r : e.privatePaths()) {
      byPlace.computeIfAbsent(r.place() + "|" + r.subnet().map(ResourceId::toString).orElse(""), k -> new ArrayList<>()).add(r);
    }
    for (List<Exposure.Reach> reaches : byPlace.values()) {
      AddressSet byAddress = AddressSet.EMPTY;
      AddressSet maybe = AddressSet.EMPTY;
      for (Exposure.Reach r : reaches) {
        byAddress = byAddress.union(r.connected());
        maybe = maybe.union(r.undecided());
      }
      if (byAddress.isEmpty()) {
        continue;
      }
      Exposure.Reach first = reaches.get(0);
      Client probe = probe(first, byAddress.first().orElseThrow());
      Resolution resolution = connectivity.resolve(probe, DnsName.parse(s.fullyQualifiedDomainName()));
      AddressSet byName = AddressSet.EMPTY;
      AddressSet byNameMaybe = AddressSet.EMPTY;
      for (Exposure.Reach r : reaches) {
        if (resolution.disposition() == ResolutionDisposition.ADDRESS && resolution.addresses().contains(r.address())) {
          byName = byName.union(r.connected());
          byNameMaybe = byNameMaybe.union(r.undecided());
        }
      }
      AddressSet missing = byAddress.difference(byName);
      if (missing.isEmpty()) {
        continue;
      }
      String where = place(first);
      for (dev.pgreach.core.Ipv4Range range : missing.ranges()) {
        Client client = probe(first, range.first());
        Connection connection = connectivity.connect(client, s.fullyQualifiedDomainName(), FlexibleServer.POSTGRES_PORT, at);
        if (connection.disposition() == Disposition.ALLOWED) {
          continue; // the name leads where the exposure's private doors do not (the public endpoint)
        }
        if (connection.disposition() == Disposition.INDETERMINATE || byNameMaybe.intersects(missing)) {
          undecided.add(new Violation(intent, "Hosts " + missing + " in " + where + " reach " + s.name() + " by address; whether they can by name is not known", Optional.of(connection)));
        } else {
          broken.add(new Violation(intent, "Hosts " + missing + " in " + where + " reach " + s.name() + " by address but not by name", Optional.of(connection)));
        }
        break;
      }
    }
  }

  private void azure(Intent intent, FlexibleServer s, List<Violation> broken, List<Violation> undecided) {
    for (int port : ports(s)) {
      Exposure e = exposure(s, port);
      if (e.azureServices()) {
        broken.add(azureFlow(intent, s, port));
      } else if (e.azureServicesUndecided()
          || (s.networkingMode() != dev.pgreach.core.NetworkingMode.PRIVATE_ACCESS && !e.publicUndecided().isEmpty())) {
        Connection c = connectivity.connect(azureClient(), s.fullyQualifiedDomainName(), port, at);
        if (c.disposition() != Disposition.BLOCKED) {
          undecided.add(new Violation(intent, "whether " + s.name() + ":" + port + " admits every Azure address is not known", Optional.of(c)));
        }
      }
    }
  }

  private void approved(Intent intent, FlexibleServer s, List<Violation> broken, List<Violation> undecided) {
    for (PrivateEndpoint p : estate.privateEndpointsOf(s.id())) {
      if (p.connectionState() == PrivateEndpointConnectionState.APPROVED) {
        continue;
      }
      String summary = "Private endpoint " + p.name() + " of " + s.name() + " is " + p.connectionState();
      Optional<Connection> flow = estate.network().subnet(p.subnet()).flatMap(sub -> hostBeside(sub, p.privateAddress()))
          .map(client -> connectivity.connect(client, p.privateAddress().toString(), FlexibleServer.POSTGRES_PORT, at));
      broken.add(new Violation(intent, summary, flow));
    }
    for (PrivateEndpointConnection c : estate.connectionsOutsideEstate(s.id())) {
      if (c.state() != PrivateEndpointConnectionState.APPROVED) {
        broken.add(new Violation(intent, "The connection of private endpoint " + c.privateEndpoint().name() + " (outside the estate) to " + s.name() + " is " + c.state(), Optional.empty()));
      }
    }
    if (!s.isVnetIntegrated() && !estate.coverage().isComplete(Inventory.PRIVATE_ENDPOINT_CONNECTIONS, s.id())) {
      undecided.add(new Violation(intent, "Not known: " + Inventory.PRIVATE_ENDPOINT_CONNECTIONS.of(s.name().toString()) + " are not all in the input", Optional.empty()));
    }
  }

  // ------------------------------------------------------------------ flows

  private Violation publicFlow(Intent intent, FlexibleServer s, int port, Ipv4Address source, AddressSet sources, String verb) {
    Client client = Client.builder().name("internet-host").location(new ClientLocation.Internet(source)).build();
    Connection c = connectivity.connect(client, s.fullyQualifiedDomainName(), port, at);
    if (c.disposition() == Disposition.BLOCKED && s.publicAddress().isPresent()) {
      c = connectivity.connect(client, s.publicAddress().get().toString(), port, at);
    }
    return new Violation(intent, "The public endpoint of " + s.name() + ":" + port + " " + verb + " public addresses " + sources, Optional.of(c));
  }

  private Violation azureFlow(Intent intent, FlexibleServer s, int port) {
    Connection c = connectivity.connect(azureClient(), s.fullyQualifiedDomainName(), port, at);
    return new Violation(intent, s.name() + ":" + port + " admits every Azure-allocated address, of any tenant (the 0.0.0.0 rule)", Optional.of(c));
  }

  private Violation azureUndecided(Intent intent, FlexibleServer s, int port) {
    Connection c = connectivity.connect(azureClient(), s.fullyQualifiedDomainName(), port, at);
    return new Violation(intent, "whether " + s.name() + ":" + port + " admits every Azure-allocated address, of any tenant, is not known", Optional.of(c));
  }

  private Client azureClient() {
    Ipv4Address address = estate.azureRanges().first().orElse(AZURE_ADDRESS);
    return Client.builder().name("other-tenant-service").location(new ClientLocation.AzureHosted(address, OTHER_TENANT)).build();
  }

  private Violation privateFlow(Intent intent, FlexibleServer s, int port, Exposure.Reach r, Ipv4Address source, AddressSet sources, String verb) {
    Client client = probe(r, source);
    Connection c = connectivity.connect(client, r.address().toString(), port, at);
    String door = r.privateEndpoint().map(p -> "private endpoint " + p.name() + " (" + r.address() + ")").orElse("its private address " + r.address());
    return new Violation(intent, "Hosts " + sources + " in " + place(r) + " " + verb + " " + s.name() + ":" + port + " at " + door, Optional.of(c));
  }

  /** A client at one source address of a reach, as the exposure asked. */
  private Client probe(Exposure.Reach r, Ipv4Address source) {
    ClientLocation location;
    if (r.place() instanceof Place.OnPremises o) {
      location = ClientLocation.OnPremises.of(o.network(), source);
    } else {
      ResourceId subnet = r.subnet().orElseThrow();
      Optional<ResourceId> nic = estate.network().networkInterfacesIn(subnet).stream().filter(n -> n.privateAddress().equals(source)).map(NetworkInterface::id).findFirst();
      location = new ClientLocation.InVirtualNetwork(subnet, source, Optional.empty(), nic);
    }
    return Client.builder().name("host-" + source).location(location).build();
  }

  /** A host in a subnet at a usable address other than the given one. */
  private Optional<Client> hostBeside(Subnet subnet, Ipv4Address other) {
    AddressSet hosts = subnet.addressPrefix().toAddressSet().difference(subnet.reservedAddresses()).difference(AddressSet.ofAddresses(List.of(other)));
    return hosts.first().map(a -> Client.builder().name("host-" + a).location(ClientLocation.InVirtualNetwork.of(subnet.id(), a)).build());
  }

  private String place(Exposure.Reach r) {
    if (r.place() instanceof Place.OnPremises o) {
      return "on-premises network " + o.network().name();
    }
    ResourceId subnet = r.subnet().orElseThrow();
    return "subnet " + subnet.parent().map(ResourceId::name).orElse("?") + "/" + subnet.name();
  }

  // ------------------------------------------------------------------ names and places

  private boolean allowed(List<String> from, Exposure.Reach r) {
    for (String f : from) {
      if (r.place() instanceof Place.OnPremises o) {
        if (o.network().name().equals(f)) {
          return true;
        }
      } else if (r.place() instanceof Place.Vnet v) {
        ResourceId subnet = r.subnet().orElseThrow();
        if (v.virtualNetwork().name().equals(f) || (v.virtualNetwork().name() + "/" + subnet.name()).equals(f)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isPlace(Estate estate, String name) {
    if (name.equals(Intent.INTERNET) || name.equals(Intent.AZURE_SERVICES)) {
      return true;
    }
    for (VirtualNetwork v : estate.network().virtualNetworks()) {
      if (v.name().equals(name) || v.subnets().stream().anyMatch(s -> (v.name() + "/" + s.name()).equals(name))) {
        return true;
      }
    }
    return estate.network().onPremisesNetworks().stream().map(OnPremisesNetwork::name).anyMatch(name::equals);
  }

  private Optional<FlexibleServer> server(String name) {
    return server(estate, name);
  }

  private static Optional<FlexibleServer> server(Estate estate, String name) {
    return estate.network().flexibleServers().stream().filter(s -> s.name().toString().equals(name)).findFirst();
  }

  private List<FlexibleServer> scope(List<String> names) {
    if (names.isEmpty()) {
      everyExposure();
      return estate.network().flexibleServers();
    }
    return names.stream().map(n -> server(n).orElseThrow()).toList();
  }

  /** The ports a server serves PostgreSQL on: 5432, and 6432 with PgBouncer. */
  private static List<Integer> ports(FlexibleServer s) {
    return s.pgBouncerEnabled() ? List.of(FlexibleServer.POSTGRES_PORT, FlexibleServer.PGBOUNCER_PORT) : List.of(FlexibleServer.POSTGRES_PORT);
  }

  /**
   * Computes every server's exposure on 5432 at once (the exposures share their equivalence
   * classes of source addresses), for intents about every server.
   */
  private void everyExposure() {
    if (!everyExposureComputed) {
      everyExposureComputed = true;
      for (Exposure e : connectivity.matrix(FlexibleServer.POSTGRES_PORT, at).exposures()) {
        exposures.putIfAbsent(e.server() + ":" + FlexibleServer.POSTGRES_PORT, e);
      }
    }
  }

  private Exposure exposure(FlexibleServer s, int port) {
    return exposures.computeIfAbsent(s.id() + ":" + port, k -> connectivity.expose(s.id(), port, at));
  }
}
