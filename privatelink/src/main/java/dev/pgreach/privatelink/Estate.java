package dev.pgreach.privatelink;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSetMultimap;
import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Client;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Network;
import dev.pgreach.core.NetworkInterface;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServerName;
import dev.pgreach.core.Subnet;
import dev.pgreach.dns.DnsEstate;
import dev.pgreach.dns.DnsName;
import dev.pgreach.dns.DnsRecord;
import dev.pgreach.dns.DnsServer;
import dev.pgreach.dns.PrivateDnsZone;
import dev.pgreach.dns.RecordName;
import dev.pgreach.firewall.FirewallRuleSet;
import dev.pgreach.firewall.NetworkSecurityGroup;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Everything pgreach knows about one estate: the network (core), network security groups and
 * server firewall rules (firewall), private DNS zones and DNS servers (dns), private endpoints, and
 * the clients whose access is in question.
 *
 * <p>Building an estate resolves every cross-reference and throws {@link
 * ErrorCode#DANGLING_REFERENCE}, naming both ends, when one points at nothing: a subnet or network
 * interface naming a missing network security group, firewall rules for a missing server, a private
 * endpoint naming a missing subnet or server, a client in a missing subnet. A reference may instead
 * point at a resource the network's {@link Network#coverage() coverage} lists as outside the input
 * (a partial export names a subnet or server it does not hold); answers that need it are then
 * indeterminate. References Azure allows to point outside one's view (a server's private DNS zone
 * in another subscription) are validation findings instead ({@link EstateValidation}).
 *
 * <p><b>An open world.</b> An estate read from a partial input carries its {@link #coverage()}:
 * what the input refers to but does not hold, and which inventories it holds in full (a server's
 * firewall rules, a zone's record sets, the zones linked to a network). An estate built in Java is
 * closed unless its network's coverage says otherwise: what it holds is all there is.
 *
 * <p>A private endpoint's DNS zone group writes an A record for its server into each zone it names,
 * as Azure does; {@link #dnsEstate()} is the DNS view with those records in place.
 *
 * <pre>{@code
 * Estate estate = Estate.builder()
 *     .network(network)
 *     .addNetworkSecurityGroups(appNsg)
 *     .putFirewallRules(webDb.id(), FirewallRuleSet.of(officeRule))
 *     .addPrivateDnsZones(privatelinkZone)
 *     .addPrivateEndpoints(billingEndpoint)
 *     .addClients(ordersApi)
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class Estate {
  Estate() {}

  /**
   * Returns the network: virtual networks, subnets, peerings, gateways, on-premises networks,
   * network interfaces, route tables and flexible servers.
   *
   * @return the network
   */
  public abstract Network network();

  /**
   * Returns the network security groups subnets and network interfaces refer to.
   *
   * @return the groups
   */
  public abstract ImmutableList<NetworkSecurityGroup> networkSecurityGroups();

  /**
   * Returns the server-level firewall rules, by server id.
   *
   * @return the rule sets; a server without an entry has no rules
   */
  public abstract ImmutableMap<ResourceId, FirewallRuleSet> firewallRules();

  /**
   * Returns the private DNS zones, as written (without the records private endpoints' zone groups add).
   *
   * @return the zones
   */
  public abstract ImmutableList<PrivateDnsZone> privateDnsZones();

  /**
   * Returns the custom DNS servers and DNS Private Resolver inbound endpoints (in virtual networks
   * and on premises).
   *
   * @return the DNS servers
   */
  public abstract ImmutableList<DnsServer> dnsServers();

  /**
   * Returns the private endpoints.
   *
   * @return the endpoints
   */
  public abstract ImmutableList<PrivateEndpoint> privateEndpoints();

  /**
   * Returns the private endpoint connections the servers list themselves ({@code
   * properties.privateEndpointConnections}) to endpoints the estate does not hold (in another
   * subscription or tenant, or whose address is not known yet): each is a way in whose address and
   * network are not known.
   *
   * @return the connections, in the order given
   */
  public abstract ImmutableList<PrivateEndpointConnection> privateEndpointConnections();

  /**
   * Returns the connections a server lists for endpoints the estate does not hold.
   *
   * @param server the server's id
   * @return the connections whose endpoint is not among {@link #privateEndpoints()}
   */
  public final ImmutableList<PrivateEndpointConnection> connectionsOutsideEstate(ResourceId server) {
    Set<ResourceId> held = new HashSet<>();
    privateEndpoints().forEach(p -> held.add(p.id()));
    return privateEndpointConnections().stream()
        .filter(c -> c.server().equals(server) && !held.contains(c.privateEndpoint()))
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Returns the clients whose access is in question.
   *
   * @return the clients
   */
  public abstract ImmutableList<Client> clients();

  /**
   * Returns the known {@code rs-} labels of public-access servers' public CNAMEs.
   *
   * @return labels by server name; servers without one get a stable placeholder
   */
  public abstract ImmutableMap<ServerName, DnsName> publicEndpointLabels();

  /**
   * Returns the address ranges the caller knows to be allocated by Azure (for example loaded from
   * the published {@code AzureCloud} service tag), which the 0.0.0.0 firewall rule admits.
   *
   * @return the ranges; empty by default, when only a client's kind tells
   */
  @Value.Default
  public AddressSet azureRanges() {
    return AddressSet.EMPTY;
  }

  /**
   * Returns the ranges of service tags the caller loaded (such as {@code Storage}), for network
   * security rules that name them.
   *
   * @return ranges by tag name
   */
  public abstract ImmutableMap<String, AddressSet> serviceTagRanges();

  /**
   * Returns the names of dropped servers that had private endpoints. Under a profile where such a
   * name cannot be reused, a server with one of these names is a finding.
   *
   * @return the names
   */
  public abstract ImmutableSet<ServerName> droppedServersWithPrivateEndpoints();

  /**
   * Returns the client with this name.
   *
   * @param name the client's name
   * @return the client
   * @throws PgreachException {@link ErrorCode#UNKNOWN_RESOURCE} when no client has that name
   */
  public final Client client(String name) {
    return clients().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                PgreachException.of(
                    ErrorCode.UNKNOWN_RESOURCE,
                    "Estate.clients holds no client named \"%s\" (known: %s)",
                    name,
                    clients().stream().map(Client::name).collect(java.util.stream.Collectors.joining(", "))));
  }

  /**
   * Returns the private endpoints of a server.
   *
   * @param server the server's id
   * @return its endpoints, in the order given
   */
  public final ImmutableList<PrivateEndpoint> privateEndpointsOf(ResourceId server) {
    return privateEndpoints().stream().filter(p -> p.targetServer().equals(server)).collect(ImmutableList.toImmutableList());
  }

  /**
   * Returns the firewall rules of a server that the estate holds.
   *
   * @param server the server's id
   * @return its rules, empty when none are given; see {@link #firewallRulesComplete(ResourceId)}
   *     for whether they are all there are
   */
  public final FirewallRuleSet firewallRulesOf(ResourceId server) {
    return firewallRules().getOrDefault(server, FirewallRuleSet.empty());
  }

  /**
   * Returns what the input the estate was read from shows and does not show.
   *
   * @return the network's coverage
   */
  public final dev.pgreach.core.Coverage coverage() {
    return network().coverage();
  }

  /**
   * Tells whether the estate holds every firewall rule of a server: in an open world, a server's
   * rules may not be in the input at all (Resource Graph and {@code az resource list} never carry
   * them).
   *
   * @param server the server's id
   * @return whether {@link #firewallRulesOf(ResourceId)} are all the server's rules
   */
  public final boolean firewallRulesComplete(ResourceId server) {
    return coverage().isComplete(dev.pgreach.core.Inventory.FIREWALL_RULES, server);
  }

  /**
   * Returns the private endpoints' addresses by subnet, for routing ({@code InterfaceEndpoint}
   * /32 routes).
   *
   * @return the addresses keyed by subnet id
   */
  @Value.Lazy
  public ImmutableSetMultimap<ResourceId, Ipv4Address> privateEndpointAddresses() {
    ImmutableSetMultimap.Builder<ResourceId, Ipv4Address> b = ImmutableSetMultimap.builder();
    privateEndpoints().stream()
        .filter(p -> network().subnet(p.subnet()).isPresent()) // an endpoint in a subnet outside the input routes nowhere known
        .forEach(p -> b.put(p.subnet(), p.privateAddress()));
    return b.build();
  }

  /**
   * Returns the DNS view of the estate: the zones with the A records private endpoints' zone
   * groups write ({@code <server name>} to the endpoint's address, in every zone of the group),
   * the DNS servers, and which servers have private endpoints.
   *
   * <p>A record a zone already holds is not written twice; where the zone holds a CNAME at the
   * server's name, the zone group's record is not written (validation reports it).
   *
   * @return the DNS estate
   */
  @Value.Lazy
  public DnsEstate dnsEstate() {
    Map<ResourceId, List<PrivateEndpoint>> byZone = new HashMap<>();
    for (PrivateEndpoint p : privateEndpoints()) {
      for (ResourceId zone : p.privateDnsZones()) {
        byZone.computeIfAbsent(zone, k -> new java.util.ArrayList<>()).add(p);
      }
    }
    DnsEstate.Builder b = DnsEstate.builder().network(network());
    for (PrivateDnsZone zone : privateDnsZones()) {
      List<PrivateEndpoint> writers = byZone.getOrDefault(zone.id(), List.of());
      if (writers.isEmpty()) {
        b.addPrivateDnsZones(zone);
        continue;
      }
      for (PrivateEndpoint p : writers) {
        RecordName name = RecordName.parse(p.targetServer().name());
        if (zone.recordsAt(name).isEmpty()) {
          b.putUnobservedRecordSets(zone.id(), name); // only the zone group says a record is there
        }
      }
      PrivateDnsZone.Builder z = PrivateDnsZone.builder().id(zone.id()).addAllRecords(zone.records()).addAllVirtualNetworkLinks(zone.virtualNetworkLinks());
      Set<String> written = new HashSet<>();
      for (PrivateEndpoint p : writers) {
        RecordName name = RecordName.parse(p.targetServer().name());
        boolean cname = zone.recordsAt(name).stream().anyMatch(r -> r instanceof DnsRecord.Cname);
        boolean present =
            zone.recordsAt(name).stream().anyMatch(r -> r instanceof DnsRecord.A && ((DnsRecord.A) r).address().equals(p.privateAddress()));
        if (!cname && !present && written.add(name + " " + p.privateAddress())) {
          z.addRecords(new DnsRecord.A(name, p.privateAddress(), Optional.empty()));
        }
      }
      b.addPrivateDnsZones(z.build());
    }
    b.addAllDnsServers(dnsServers());
    privateEndpoints().stream()
        .filter(p -> network().flexibleServer(p.targetServer()).isPresent())
        .forEach(p -> b.addPrivateEndpointServers(p.targetServer()));
    privateEndpointConnections().stream()
        .filter(c -> network().flexibleServer(c.server()).isPresent())
        .forEach(c -> b.addPrivateEndpointServers(c.server())); // the server's own list says it has one
    b.putAllPublicEndpointLabels(publicEndpointLabels());
    return b.build();
  }

  @Value.Check
  final void check() {
    Network n = network();
    Set<ResourceId> groups = new HashSet<>();
    for (NetworkSecurityGroup g : networkSecurityGroups()) {
      if (!groups.add(g.id())) {
        throw PgreachException.of(ErrorCode.DUPLICATE_RESOURCE, "Estate.networkSecurityGroups holds two groups with id %s", g.id());
      }
    }
    for (var v : n.virtualNetworks()) {
      for (Subnet s : v.subnets()) {
        s.networkSecurityGroup().ifPresent(g -> requireIn(n, groups, g, s.id(), "networkSecurityGroup"));
      }
    }
    for (NetworkInterface nic : n.networkInterfaces()) {
      nic.networkSecurityGroup().ifPresent(g -> requireIn(n, groups, g, nic.id(), "networkSecurityGroup"));
    }
    for (NetworkSecurityGroup g : networkSecurityGroups()) {
      if (n.coverage().isOutsideInput(g.id())) {
        throw PgreachException.of(
            ErrorCode.INVALID_VALUE, "Estate.coverage lists %s as outside the input, but the estate holds it", g.id());
      }
    }
    for (ResourceId server : firewallRules().keySet()) {
      if (n.flexibleServer(server).isEmpty() && !n.coverage().isOutsideInput(server)) {
        throw PgreachException.of(
            ErrorCode.DANGLING_REFERENCE, "Estate.firewallRules names server %s, which is not in the network", server);
      }
    }
    Set<ResourceId> endpoints = new HashSet<>();
    Set<ResourceId> zones = new HashSet<>();
    privateDnsZones().forEach(z -> zones.add(z.id()));
    for (PrivateEndpoint p : privateEndpoints()) {
      if (!endpoints.add(p.id())) {
        throw PgreachException.of(ErrorCode.DUPLICATE_RESOURCE, "Estate.privateEndpoints holds two endpoints with id %s", p.id());
      }
      if (n.subnet(p.subnet()).isEmpty() && !n.coverage().isOutsideInput(p.subnet())) {
        throw PgreachException.of(
            ErrorCode.DANGLING_REFERENCE, "%s.subnet refers to %s, which is not in the network", p.id(), p.subnet());
      }
      if (n.flexibleServer(p.targetServer()).isEmpty() && !n.coverage().isOutsideInput(p.targetServer())) {
        throw PgreachException.of(
            ErrorCode.DANGLING_REFERENCE, "%s.targetServer refers to %s, which is not in the network", p.id(), p.targetServer());
      }
      for (ResourceId zone : p.privateDnsZones()) {
        if (!zones.contains(zone) && !n.coverage().isOutsideInput(zone)) {
          throw PgreachException.of(
              ErrorCode.DANGLING_REFERENCE, "%s.privateDnsZones refers to %s, which is not in the estate", p.id(), zone);
        }
      }
    }
    for (PrivateEndpointConnection c : privateEndpointConnections()) {
      if (n.flexibleServer(c.server()).isEmpty() && !n.coverage().isOutsideInput(c.server())) {
        throw PgreachException.of(
            ErrorCode.DANGLING_REFERENCE, "Estate.privateEndpointConnections names server %s, which is not in the network", c.server());
      }
    }
    java.util.Map<String, String> tags = new java.util.HashMap<>();
    for (String tag : serviceTagRanges().keySet()) {
      String earlier = tags.put(tag.toLowerCase(java.util.Locale.ROOT), tag);
      if (earlier != null) {
        throw PgreachException.of(
            ErrorCode.DUPLICATE_RESOURCE,
            "Estate.serviceTagRanges names service tag %s twice (%s and %s); Azure's service tag names are case-insensitive",
            tag,
            earlier,
            tag);
      }
    }
    Set<String> clientNames = new HashSet<>();
    for (Client c : clients()) {
      if (!clientNames.add(c.name())) {
        throw PgreachException.of(ErrorCode.DUPLICATE_RESOURCE, "Estate.clients holds two clients named \"%s\"", c.name());
      }
      checkLocation(n, c);
    }
    dnsEstate();
  }

  private static void checkLocation(Network n, Client c) {
    ClientLocation l = c.location();
    if (l instanceof ClientLocation.InVirtualNetwork) {
      ClientLocation.InVirtualNetwork v = (ClientLocation.InVirtualNetwork) l;
      Optional<Subnet> subnet = n.subnet(v.subnet());
      if (subnet.isEmpty()) {
        throw PgreachException.of(
            ErrorCode.DANGLING_REFERENCE, "Client[%s].location.subnet refers to %s, which is not in the network", c.name(), v.subnet());
      }
      checkAddressInPlace(n, c);
      v.networkInterface()
          .filter(id -> n.networkInterface(id).isEmpty())
          .ifPresent(
              id -> {
                throw PgreachException.of(
                    ErrorCode.DANGLING_REFERENCE,
                    "Client[%s].location.networkInterface refers to %s, which is not in the network",
                    c.name(),
                    id);
              });
    } else if (l instanceof ClientLocation.OnPremises) {
      ResourceId network = ((ClientLocation.OnPremises) l).network();
      Optional<dev.pgreach.core.OnPremisesNetwork> onPremises = n.onPremisesNetwork(network);
      if (onPremises.isEmpty()) {
        throw PgreachException.of(
            ErrorCode.DANGLING_REFERENCE, "Client[%s].location.network refers to %s, which is not in the network", c.name(), network);
      }
      checkAddressInPlace(n, c);
    }
  }

  /**
   * Throws {@link ErrorCode#INVALID_VALUE} naming {@code Client[name]} when a client in a virtual
   * network or on premises has an address outside its subnet or its network's prefixes; a place
   * that is not in the network is left to the caller.
   */
  static void checkAddressInPlace(Network n, Client c) {
    ClientLocation l = c.location();
    if (l instanceof ClientLocation.InVirtualNetwork) {
      Optional<Subnet> subnet = n.subnet(((ClientLocation.InVirtualNetwork) l).subnet());
      if (subnet.isPresent() && !subnet.get().addressPrefix().contains(l.address())) {
        throw PgreachException.of(
            ErrorCode.INVALID_VALUE,
            "Client[%s].location.address (%s) is outside its subnet %s (%s)",
            c.name(),
            l.address(),
            subnet.get().name(),
            subnet.get().addressPrefix());
      }
    } else if (l instanceof ClientLocation.OnPremises) {
      Optional<dev.pgreach.core.OnPremisesNetwork> onPremises = n.onPremisesNetwork(((ClientLocation.OnPremises) l).network());
      if (onPremises.isPresent() && !onPremises.get().addresses().contains(l.address())) {
        throw PgreachException.of(
            ErrorCode.INVALID_VALUE,
            "Client[%s].location.address (%s) is outside the prefixes of on-premises network %s (%s)",
            c.name(),
            l.address(),
            onPremises.get().name(),
            onPremises.get().addressPrefixes());
      }
    }
  }

  private static void requireIn(Network n, Set<ResourceId> groups, ResourceId group, ResourceId from, String field) {
    if (!groups.contains(group) && !n.coverage().isOutsideInput(group)) {
      throw PgreachException.of(
          ErrorCode.DANGLING_REFERENCE, "%s.%s refers to %s, which is not in the estate", from, field, group);
    }
  }

  /**
   * Returns the server with this id.
   *
   * @param id the server's id
   * @return the server
   * @throws PgreachException {@link ErrorCode#UNKNOWN_RESOURCE} when it is not in the estate
   */
  public final FlexibleServer server(ResourceId id) {
    return network()
        .flexibleServer(id)
        .orElseThrow(() -> PgreachException.of(ErrorCode.UNKNOWN_RESOURCE, "Server %s is not in the estate", id));
  }

  /**
   * Returns this estate with a server's firewall rules replaced (the question "what does this rule
   * change break?" compares the two estates' answers).
   *
   * @param server the server's id
   * @param rules its new rule set
   * @return the changed estate
   * @throws PgreachException {@link ErrorCode#DANGLING_REFERENCE} when the server is not in the network
   */
  public final Estate withFirewallRules(ResourceId server, FirewallRuleSet rules) {
    Map<ResourceId, FirewallRuleSet> all = new java.util.LinkedHashMap<>(firewallRules());
    all.put(server, rules);
    return copy(network(), networkSecurityGroups(), all, privateEndpoints(), clients());
  }

  /**
   * Returns this estate with a private endpoint added, or replacing the endpoint with the same id
   * (for example to approve or reject its connection).
   *
   * @param endpoint the endpoint
   * @return the changed estate
   * @throws PgreachException as building an estate does, for references the endpoint breaks
   */
  public final Estate withPrivateEndpoint(PrivateEndpoint endpoint) {
    List<PrivateEndpoint> all = new java.util.ArrayList<>();
    boolean replaced = false;
    for (PrivateEndpoint p : privateEndpoints()) {
      if (p.id().equals(endpoint.id())) {
        all.add(endpoint);
        replaced = true;
      } else {
        all.add(p);
      }
    }
    if (!replaced) {
      all.add(endpoint);
    }
    return copy(network(), networkSecurityGroups(), firewallRules(), all, clients());
  }

  /**
   * Returns this estate without a private endpoint.
   *
   * @param endpoint the endpoint's id
   * @return the changed estate (the same content when no endpoint has that id)
   */
  public final Estate withoutPrivateEndpoint(ResourceId endpoint) {
    return copy(
        network(),
        networkSecurityGroups(),
        firewallRules(),
        privateEndpoints().stream().filter(p -> !p.id().equals(endpoint)).collect(ImmutableList.toImmutableList()),
        clients());
  }

  /**
   * Returns this estate with a network security group added, or replacing the group with the same id.
   *
   * @param group the group
   * @return the changed estate
   */
  public final Estate withNetworkSecurityGroup(NetworkSecurityGroup group) {
    List<NetworkSecurityGroup> all = new java.util.ArrayList<>();
    boolean replaced = false;
    for (NetworkSecurityGroup g : networkSecurityGroups()) {
      if (g.id().equals(group.id())) {
        all.add(group);
        replaced = true;
      } else {
        all.add(g);
      }
    }
    if (!replaced) {
      all.add(group);
    }
    return copy(network(), all, firewallRules(), privateEndpoints(), clients());
  }

  /**
   * Returns this estate with another network (everything else kept).
   *
   * @param network the new network
   * @return the changed estate
   * @throws PgreachException as building an estate does, when the rest refers to what the new network lacks
   */
  public final Estate withNetwork(Network network) {
    return copy(network, networkSecurityGroups(), firewallRules(), privateEndpoints(), clients());
  }

  /**
   * Returns this estate with other clients (everything else kept).
   *
   * @param clients the clients
   * @return the changed estate
   */
  public final Estate withClients(Iterable<Client> clients) {
    return copy(network(), networkSecurityGroups(), firewallRules(), privateEndpoints(), ImmutableList.copyOf(clients));
  }

  /**
   * Returns this estate with a private DNS zone added, or replacing the zone with the same id (for
   * example with a virtual network link added or removed).
   *
   * @param zone the zone
   * @return the changed estate
   * @throws PgreachException as building an estate does, for names or links that clash
   */
  public final Estate withPrivateDnsZone(PrivateDnsZone zone) {
    List<PrivateDnsZone> all = new java.util.ArrayList<>();
    boolean replaced = false;
    for (PrivateDnsZone z : privateDnsZones()) {
      if (z.id().equals(zone.id())) {
        all.add(zone);
        replaced = true;
      } else {
        all.add(z);
      }
    }
    if (!replaced) {
      all.add(zone);
    }
    return copy(network(), networkSecurityGroups(), firewallRules(), privateEndpoints(), clients(), all);
  }

  private Estate copy(
      Network network,
      Iterable<NetworkSecurityGroup> groups,
      Map<ResourceId, FirewallRuleSet> rules,
      Iterable<PrivateEndpoint> endpoints,
      Iterable<Client> clients) {
    return copy(network, groups, rules, endpoints, clients, privateDnsZones());
  }

  private Estate copy(
      Network network,
      Iterable<NetworkSecurityGroup> groups,
      Map<ResourceId, FirewallRuleSet> rules,
      Iterable<PrivateEndpoint> endpoints,
      Iterable<Client> clients,
      Iterable<PrivateDnsZone> zones) {
    return builder()
        .network(network)
        .addAllNetworkSecurityGroups(groups)
        .putAllFirewallRules(rules)
        .addAllPrivateDnsZones(zones)
        .addAllDnsServers(dnsServers())
        .addAllPrivateEndpoints(endpoints)
        .addAllClients(clients)
        .addAllPrivateEndpointConnections(privateEndpointConnections())
        .putAllPublicEndpointLabels(publicEndpointLabels())
        .azureRanges(azureRanges())
        .putAllServiceTagRanges(serviceTagRanges())
        .addAllDroppedServersWithPrivateEndpoints(droppedServersWithPrivateEndpoints())
        .build();
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Estate}s. */
  public static final class Builder extends ImmutableEstate.Builder {
    Builder() {}

    /**
     * Builds the value.
     *
     * @return the value
     * @throws PgreachException {@link ErrorCode#DUPLICATE_RESOURCE} naming the key when one key
     *     was put twice into a map (firewallRules, publicEndpointLabels or serviceTagRanges), and the value's own checks
     */
    @Override
    public Estate build() {
      try {
        return super.build();
      } catch (IllegalArgumentException e) {
        throw PgreachException.duplicateKey("Estate.Builder", "firewallRules, publicEndpointLabels or serviceTagRanges", e);
      }
    }
  }
}
