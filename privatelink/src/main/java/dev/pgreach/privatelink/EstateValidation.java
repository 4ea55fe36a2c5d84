package dev.pgreach.privatelink;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.Finding;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.Coverage;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Inventory;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Network;
import dev.pgreach.core.NetworkInterface;
import dev.pgreach.core.NetworkValidation;
import dev.pgreach.core.PublicNetworkAccess;
import dev.pgreach.core.Reachability;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServerSetting;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.dns.DnsRecord;
import dev.pgreach.dns.DnsValidation;
import dev.pgreach.dns.Resolver;
import dev.pgreach.dns.PrivateDnsZone;
import dev.pgreach.dns.RecordName;
import dev.pgreach.dns.ZoneName;
import dev.pgreach.firewall.FirewallThresholds;
import dev.pgreach.firewall.FirewallValidation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validation of a whole estate: every finding of core ({@link NetworkValidation}), firewall
 * ({@link FirewallValidation}) and dns ({@link DnsValidation}), plus what only the whole estate
 * can tell, in one stable order (resource, code, field, value).
 *
 * <p>The estate-wide checks:
 *
 * <ul>
 *   <li>a private endpoint on a VNet-integrated server (Azure does not allow it);
 *   <li>private endpoints that carry no traffic: Pending, Rejected or Disconnected;
 *   <li>a private endpoint outside its virtual network's region; in another region than its server
 *       where the profile does not allow it; on a server the profile does not allow endpoints on
 *       (under {@code preview2021}: HA, read replicas, point-in-time restore, public access with
 *       firewall rules alongside);
 *   <li>a private endpoint's address outside its subnet, on a reserved address, or already held;
 *       an endpoint inside a subnet delegated to flexible servers;
 *   <li>a DNS zone group naming a zone that is not {@code privatelink.postgres.database.azure.com};
 *       an approved endpoint whose server has no A record in any privatelink zone; a network
 *       security group on an endpoint's subnet that does not apply because network policies are
 *       off;
 *   <li>a dropped server's name reused where the profile forbids it;
 *   <li>a server nothing can reach: public access Enabled without firewall rules and without an
 *       approved private endpoint ({@link FindingCode#SERVER_UNREACHABLE}), or public access
 *       Disabled without an approved private endpoint ({@link
 *       FindingCode#PUBLIC_ACCESS_DISABLED_WITHOUT_PRIVATE_ENDPOINT});
 *   <li>posture: a subnet that holds clients or private endpoints without a network security group
 *       ({@link FindingCode#SUBNET_WITHOUT_NSG}), except the subnets where Azure does not support
 *       one.
 * </ul>
 *
 * <p><b>Open world.</b> Each module's validation reports only what the input proves (see {@link
 * NetworkValidation}, {@link DnsValidation}, {@link FirewallValidation}); so do the checks here. A
 * check that needs a resource outside the input (an endpoint's server, subnet or zone) is not made;
 * a finding that relies on absence is a warning only when the input shows the collection in full:
 * a server is unreachable only when its private endpoint connections (and, with public access
 * Enabled, its firewall rules) are observed in full; an endpoint has no DNS record only when the
 * input is declared whole. The laws, held by properties over generated estates: the findings of
 * severity warning or error of an input with any resource removed are among those of the whole
 * input (same code, resource, field and value), and declaring a whole export complete, as a whole
 * or inventory by inventory, changes no finding.
 *
 * <p><b>Cost.</b> Endpoints, connections and firewall rules are indexed by server once; each
 * endpoint's checks are O(log n); with the modules' validations, O(n log n) for estates whose
 * networks peer sparsely (see {@link DnsValidation}).
 *
 * <pre>{@code
 * for (Finding f : EstateValidation.validate(estate, ServiceProfile.current())) {
 *   System.out.println(f);
 * }
 * }</pre>
 */
public final class EstateValidation {
  private EstateValidation() {}

  /**
   * Validates an estate under a service profile.
   *
   * @param estate the estate
   * @param profile the profile whose rules apply
   * @return every finding, sorted
   */
  public static ImmutableList<Finding> validate(Estate estate, ServiceProfile profile) {
    return validate(estate, profile, FirewallThresholds.none());
  }

  /**
   * Validates an estate under a service profile, with posture thresholds for firewall rules.
   *
   * @param estate the estate
   * @param profile the profile whose rules apply
   * @param thresholds the firewall rule thresholds ({@link FirewallThresholds#none()} for none)
   * @return every finding, sorted
   */
  public static ImmutableList<Finding> validate(Estate estate, ServiceProfile profile, FirewallThresholds thresholds) {
    Checks.notNull(estate, "EstateValidation.estate");
    Checks.notNull(profile, "EstateValidation.profile");
    Checks.notNull(thresholds, "EstateValidation.thresholds");
    Index index = new Index(estate);
    // Routing is compiled once and shared by the modules' validations.
    Reachability routing = Reachability.of(estate.network(), profile);
    List<Finding> out = new ArrayList<>();
    for (Finding f : NetworkValidation.validate(routing)) {
      excusedByPrivateEndpoints(estate, index, profile, f).ifPresent(out::add);
    }
    out.addAll(FirewallValidation.validateFirewallRules(estate.network(), estate.firewallRules(), thresholds));
    out.addAll(FirewallValidation.validateSecurityGroups(routing, estate.networkSecurityGroups(), estate.serviceTagRanges()));
    out.addAll(DnsValidation.validate(Resolver.of(estate.dnsEstate(), routing)));
    privateEndpoints(estate, index, profile, out);
    restores(estate, index, profile, out);
    servers(estate, index, profile, out);
    subnetsWithoutGroups(estate, out);
    return ImmutableList.sortedCopyOf(new java.util.LinkedHashSet<>(out));
  }

  /**
   * Validates an estate under the {@code current} profile.
   *
   * @param estate the estate
   * @return every finding, sorted
   */
  public static ImmutableList<Finding> validate(Estate estate) {
    return validate(estate, ServiceProfile.current());
  }

  /** What the checks look up, indexed once. */
  private static final class Index {
    final Map<ResourceId, List<PrivateEndpoint>> endpointsByServer = new HashMap<>();
    final Map<ResourceId, List<PrivateEndpointConnection>> connectionsByServer = new HashMap<>();
    final Map<ResourceId, PrivateDnsZone> zones = new HashMap<>();
    final Set<ResourceId> replicated = new HashSet<>();
    final Set<RecordName> privatelinkRecords = new HashSet<>();

    Index(Estate estate) {
      Set<ResourceId> held = new HashSet<>();
      for (PrivateEndpoint p : estate.privateEndpoints()) {
        endpointsByServer.computeIfAbsent(p.targetServer(), k -> new ArrayList<>()).add(p);
        held.add(p.id());
      }
      for (PrivateEndpointConnection c : estate.privateEndpointConnections()) {
        if (!held.contains(c.privateEndpoint())) {
          connectionsByServer.computeIfAbsent(c.server(), k -> new ArrayList<>()).add(c);
        }
      }
      for (PrivateDnsZone z : estate.privateDnsZones()) {
        zones.putIfAbsent(z.id(), z);
        if (z.name().equals(ZoneName.POSTGRES_PRIVATELINK)) {
          for (DnsRecord r : z.records()) {
            if (r instanceof DnsRecord.A) {
              privatelinkRecords.add(r.name());
            }
          }
        }
      }
      for (FlexibleServer s : estate.network().flexibleServers()) {
        if (s.replicationRole().isReplicating()) {
          s.sourceServer().ifPresent(replicated::add);
        }
      }
    }

    List<PrivateEndpoint> endpointsOf(ResourceId server) {
      return endpointsByServer.getOrDefault(server, List.of());
    }

    /** Whether a server has a way in through a private endpoint: an Approved one, in the estate or listed by the server only. */
    boolean approvedEndpoint(ResourceId server) {
      return endpointsOf(server).stream().anyMatch(PrivateEndpoint::carriesTraffic)
          || connectionsByServer.getOrDefault(server, List.of()).stream().anyMatch(c -> c.state() == PrivateEndpointConnectionState.APPROVED);
    }

    /** Whether some endpoint connection of a server has a state the input does not show. */
    boolean endpointStateUnknown(ResourceId server) {
      return endpointsOf(server).stream().anyMatch(p -> p.connectionState() == PrivateEndpointConnectionState.UNKNOWN)
          || connectionsByServer.getOrDefault(server, List.of()).stream().anyMatch(c -> c.state() == PrivateEndpointConnectionState.UNKNOWN);
    }
  }

  /**
   * Under a profile where servers with private endpoints are not publicly accessible at all (the
   * 2021 preview), public network access "off" on such a server is how it already behaves, not a
   * toggle the profile lacks: the finding is dropped for a server with endpoints (in the estate or
   * listed by the server), and is advice where its endpoint connections are not all observed.
   */
  private static Optional<Finding> excusedByPrivateEndpoints(Estate estate, Index index, ServiceProfile profile, Finding f) {
    if (f.code() != FindingCode.PUBLIC_NETWORK_ACCESS_TOGGLE_UNSUPPORTED || !profile.privateEndpointsForbidPublicAccess()) {
      return Optional.of(f);
    }
    ResourceId server = ResourceId.parse(f.resource());
    if (!index.endpointsOf(server).isEmpty() || !index.connectionsByServer.getOrDefault(server, List.of()).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        estate.coverage().isComplete(Inventory.PRIVATE_ENDPOINT_CONNECTIONS, server)
            ? f
            : f.notInInput(Inventory.PRIVATE_ENDPOINT_CONNECTIONS.of(server.name()) + " are not all observed, and a private endpoint would excuse it"));
  }

  private static void privateEndpoints(Estate estate, Index index, ServiceProfile profile, List<Finding> out) {
    Network network = estate.network();
    Map<ResourceId, Map<Ipv4Address, ResourceId>> held = new HashMap<>();
    for (NetworkInterface n : network.networkInterfaces()) {
      held.computeIfAbsent(Network.virtualNetworkIdOf(n.subnet()), k -> new HashMap<>()).putIfAbsent(n.privateAddress(), n.id());
    }
    for (FlexibleServer s : network.flexibleServers()) {
      if (s.isVnetIntegrated() && s.privateAddress().isPresent()) {
        held.computeIfAbsent(Network.virtualNetworkIdOf(s.delegatedSubnet().get()), k -> new HashMap<>())
            .putIfAbsent(s.privateAddress().get(), s.id());
      }
    }
    List<PrivateEndpoint> endpoints = new ArrayList<>(estate.privateEndpoints());
    endpoints.sort((a, b) -> a.id().compareTo(b.id()));
    for (PrivateEndpoint p : endpoints) {
      Optional<FlexibleServer> target = network.flexibleServer(p.targetServer());
      Optional<Subnet> inSubnet = network.subnet(p.subnet());
      String serverName = p.targetServer().name();
      if (target.isPresent() && target.get().isVnetIntegrated()) {
        out.add(
            Finding.of(
                FindingCode.PRIVATE_ENDPOINT_ON_VNET_INTEGRATED_SERVER,
                p.id(),
                "targetServer",
                p.targetServer(),
                serverName + " is VNet-integrated; Azure does not allow private endpoints on such servers."));
      }
      switch (p.connectionState()) {
        case PENDING:
          out.add(Finding.of(FindingCode.PRIVATE_ENDPOINT_PENDING, p.id(), "connectionState", "Pending",
              "The connection waits for " + serverName + "'s owner to approve it; until then it carries no traffic."));
          break;
        case REJECTED:
          out.add(Finding.of(FindingCode.PRIVATE_ENDPOINT_REJECTED, p.id(), "connectionState", "Rejected",
              serverName + "'s owner rejected the connection; it carries no traffic."));
          break;
        case DISCONNECTED:
          out.add(Finding.of(FindingCode.PRIVATE_ENDPOINT_DISCONNECTED, p.id(), "connectionState", "Disconnected",
              "The connection was removed by " + serverName + "'s owner; the endpoint carries no traffic and should be deleted."));
          break;
        default:
          break;
      }
      // An endpoint whose region the input does not show is in its network's region (Azure refuses it
      // elsewhere); with the network not in the input either, nothing is decided from its region.
      Optional<dev.pgreach.core.Region> region = p.region();
      if (inSubnet.isPresent()) {
        VirtualNetwork vnet = network.virtualNetworkOf(inSubnet.get().id());
        if (region.isPresent() && !region.get().equals(vnet.region())) {
          out.add(Finding.of(FindingCode.PRIVATE_ENDPOINT_REGION_MISMATCH, p.id(), "region", region.get(),
              "A private endpoint must be in its virtual network's region (" + vnet.region() + ")."));
        }
        region = Optional.of(region.orElse(vnet.region()));
      }
      if (target.isPresent()) {
        FlexibleServer server = target.get();
        if (region.isPresent() && !region.get().equals(server.region()) && !profile.privateEndpointsAcrossRegions()) {
          out.add(Finding.of(FindingCode.PRIVATE_ENDPOINT_CROSS_REGION_UNSUPPORTED, p.id(), "region", region.get(),
              "Under the " + profile.name() + " profile a private endpoint must be in its server's region (" + server.region() + ")."));
        }
        serverSupportsEndpoints(estate, index, profile, p, server, out);
      }
      address(p, inSubnet, held, out);
      if (inSubnet.isPresent()) {
        Subnet subnet = inSubnet.get();
        if (subnet.isDelegatedToFlexibleServers()) {
          out.add(Finding.of(FindingCode.SERVER_SUBNET_SHARED, subnet.id(), "privateEndpoints", p.id(),
              "Subnet " + subnet.name() + " is for flexible servers only, but private endpoint " + p.name() + " is in it."));
        }
        if (subnet.networkSecurityGroup().isPresent() && !subnet.privateEndpointNetworkPolicies().appliesNetworkSecurityGroup()) {
          out.add(Finding.of(FindingCode.PRIVATE_ENDPOINT_NSG_NOT_APPLIED, p.id(), "subnet.privateEndpointNetworkPolicies",
              subnet.privateEndpointNetworkPolicies(),
              "Subnet " + subnet.name() + " has network security group " + subnet.networkSecurityGroup().get().name()
                  + ", but it does not filter traffic to private endpoints unless privateEndpointNetworkPolicies enables it."));
        }
      }
      dns(estate, index, p, out);
    }
  }

  private static void serverSupportsEndpoints(
      Estate estate, Index index, ServiceProfile profile, PrivateEndpoint p, FlexibleServer server, List<Finding> out) {
    List<String> reasons = new ArrayList<>();
    if (profile.privateEndpointsRequireSingleInstance() && server.highAvailability().isEnabled() && server.isKnown(ServerSetting.HIGH_AVAILABILITY)) {
      reasons.add("high availability is enabled");
    }
    if (profile.privateEndpointsForbidReplicas() && replicates(index, server)) {
      reasons.add("the server takes part in replication (" + replicationOf(server) + ")");
    }
    if (profile.privateEndpointsForbidPointInTimeRestore()
        && server.createMode() == dev.pgreach.core.CreateMode.POINT_IN_TIME_RESTORE
        && server.isKnown(ServerSetting.CREATE_MODE)) {
      reasons.add("the server was restored to a point in time");
    }
    if (profile.privateEndpointsForbidPublicAccess()
        && server.publicNetworkAccess() == PublicNetworkAccess.ENABLED
        && server.isKnown(ServerSetting.PUBLIC_NETWORK_ACCESS)
        && !estate.firewallRulesOf(server.id()).isEmpty()) {
      reasons.add("public access with firewall rules is enabled alongside");
    }
    if (!reasons.isEmpty()) {
      out.add(Finding.of(FindingCode.PRIVATE_ENDPOINT_SERVER_UNSUPPORTED, p.id(), "targetServer", server.id(),
          "Under the " + profile.name() + " profile private endpoints need a single-instance server without replicas, restore or public access: "
              + String.join("; ", reasons) + "."));
    }
  }

  /** Whether the server replicates: by its own role, or because a replica names it as its source. */
  private static boolean replicates(Index index, FlexibleServer server) {
    return (server.replicationRole().isReplicating() && server.isKnown(ServerSetting.REPLICATION_ROLE)) || index.replicated.contains(server.id());
  }

  private static String replicationOf(FlexibleServer server) {
    if (server.replicationRole().isReplicating()) {
      return server.replicationRole().toString();
    }
    return "a read replica names it as its source";
  }

  /**
   * Under a profile that forbids restore of servers with private endpoints, a server restored from
   * such a server is reported too: the restore itself is what the preview did not support.
   */
  private static void restores(Estate estate, Index index, ServiceProfile profile, List<Finding> out) {
    if (!profile.privateEndpointsForbidPointInTimeRestore()) {
      return;
    }
    for (FlexibleServer s : estate.network().flexibleServers()) {
      boolean restored = s.createMode() == dev.pgreach.core.CreateMode.POINT_IN_TIME_RESTORE || s.createMode() == dev.pgreach.core.CreateMode.GEO_RESTORE;
      if (restored && s.isKnown(ServerSetting.CREATE_MODE) && s.sourceServer().isPresent() && !index.endpointsOf(s.sourceServer().get()).isEmpty()) {
        out.add(Finding.of(FindingCode.PRIVATE_ENDPOINT_SERVER_UNSUPPORTED, s.id(), "createMode", s.createMode(),
            "Under the " + profile.name() + " profile a server with private endpoints (" + s.sourceServer().get().name()
                + ") cannot be restored from backup."));
      }
    }
  }

  /**
   * An endpoint's address: inside its subnet and not reserved (when the subnet is in the input),
   * and held once in its network (the network follows from the subnet's id).
   */
  private static void address(
      PrivateEndpoint p, Optional<Subnet> inSubnet, Map<ResourceId, Map<Ipv4Address, ResourceId>> held, List<Finding> out) {
    Ipv4Address a = p.privateAddress();
    if (inSubnet.isPresent()) {
      Subnet subnet = inSubnet.get();
      if (!subnet.addressPrefix().contains(a)) {
        out.add(Finding.of(FindingCode.ADDRESS_OUTSIDE_SUBNET, p.id(), "privateAddress", a,
            a + " is outside subnet " + subnet.name() + " (" + subnet.addressPrefix() + ")."));
        return;
      }
      if (subnet.reservedAddresses().contains(a)) {
        out.add(Finding.of(FindingCode.ADDRESS_RESERVED, p.id(), "privateAddress", a,
            a + " is one of the five addresses Azure reserves in subnet " + subnet.name() + "."));
      }
    }
    ResourceId vnet = Network.virtualNetworkIdOf(p.subnet());
    ResourceId previous = held.computeIfAbsent(vnet, k -> new HashMap<>()).putIfAbsent(a, p.id());
    if (previous != null) {
      out.add(Finding.of(FindingCode.ADDRESS_IN_USE, p.id(), "privateAddress", a,
          a + " is already held by " + previous + " in " + vnet.name() + " (Azure: PrivateIPAddressIsAllocated)."));
    }
  }

  private static void dns(Estate estate, Index index, PrivateEndpoint p, List<Finding> out) {
    Coverage coverage = estate.coverage();
    boolean recorded = false;
    String serverName = p.targetServer().name();
    RecordName record = RecordName.parse(serverName);
    boolean zonesKnown = coverage.isDeclaredWhole() && coverage.isComplete(Inventory.PRIVATE_DNS_ZONE_GROUPS, p.id());
    for (ResourceId zoneId : p.privateDnsZones()) {
      PrivateDnsZone zone = index.zones.get(zoneId);
      if (zone == null) {
        zonesKnown = false; // outside the input: what it holds is not known
        continue;
      }
      zonesKnown &= coverage.isComplete(Inventory.RECORD_SETS, zoneId);
      if (!zone.name().equals(ZoneName.POSTGRES_PRIVATELINK)) {
        out.add(Finding.of(FindingCode.PRIVATE_ENDPOINT_ZONE_NOT_PRIVATELINK, p.id(), "privateDnsZones", zone.name(),
            "Zone " + zone.name() + " is not " + ZoneName.POSTGRES_PRIVATELINK + "; the public CNAME of " + serverName
                + " leads to that name only, so this record is never used."));
      } else if (zone.recordsAt(record).stream().noneMatch(r -> r instanceof DnsRecord.Cname)) {
        recorded = true;
      }
    }
    boolean elsewhere = index.privatelinkRecords.contains(record);
    if (p.carriesTraffic() && !recorded && !elsewhere) {
      Finding f =
          Finding.of(FindingCode.PRIVATE_ENDPOINT_NO_DNS_RECORD, p.id(), "privateDnsZones", p.privateDnsZones(),
              "No " + ZoneName.POSTGRES_PRIVATELINK + " zone holds an A record for " + serverName
                  + ": clients resolving " + serverName + "." + dev.pgreach.core.ServerName.DNS_SUFFIX + " will not get " + p.privateAddress() + ".");
      // Another privatelink zone, or record sets and zone groups the input does not show, may hold it.
      out.add(zonesKnown ? f : f.notInInput("the private DNS zones, their record sets and the zone groups of " + p.name() + " are not all observed"));
    }
  }

  private static void servers(Estate estate, Index index, ServiceProfile profile, List<Finding> out) {
    Coverage coverage = estate.coverage();
    for (FlexibleServer s : estate.network().flexibleServers()) {
      if (profile.privateEndpointsBlockNameReuse() && estate.droppedServersWithPrivateEndpoints().contains(s.name())) {
        out.add(Finding.of(FindingCode.SERVER_NAME_REUSE_BLOCKED, s.id(), "name", s.name(),
            "A dropped server named " + s.name() + " had private endpoints; under the " + profile.name()
                + " profile its name cannot be reused."));
      }
      // Unreachable only when the input proves it: a public-access server (not unknown networking)
      // whose public access setting is known, whose endpoint connections are observed in full and
      // in known states, none Approved, and, with public access Enabled, whose firewall rules are
      // observed in full and empty.
      if (!s.hasPublicEndpoint() || !s.isKnown(ServerSetting.PUBLIC_NETWORK_ACCESS) || index.approvedEndpoint(s.id())) {
        continue;
      }
      if (!coverage.isComplete(Inventory.PRIVATE_ENDPOINT_CONNECTIONS, s.id()) || index.endpointStateUnknown(s.id())) {
        continue;
      }
      if (s.publicNetworkAccess() == PublicNetworkAccess.DISABLED) {
        out.add(Finding.of(FindingCode.PUBLIC_ACCESS_DISABLED_WITHOUT_PRIVATE_ENDPOINT, s.id(), "publicNetworkAccess", s.publicNetworkAccess(),
            s.name() + " has public access disabled and no approved private endpoint: nothing can connect to it. Approve a private endpoint"
                + " connection, or enable public access with firewall rules."));
      } else if (estate.firewallRulesOf(s.id()).isEmpty() && estate.firewallRulesComplete(s.id())) {
        out.add(Finding.of(FindingCode.SERVER_UNREACHABLE, s.id(), "publicNetworkAccess", s.publicNetworkAccess(),
            s.name() + " has no firewall rules and no approved private endpoint: nothing can connect to it."));
      }
    }
  }

  /** Subnets where Azure does not support a network security group, so none is advised. */
  private static final Set<String> NO_GROUP_SUBNETS =
      Set.of("gatewaysubnet", "azurefirewallsubnet", "azurefirewallmanagementsubnet", "routeserversubnet");

  /** A subnet in the input that holds clients or private endpoints but has no network security group. */
  private static void subnetsWithoutGroups(Estate estate, List<Finding> out) {
    Network network = estate.network();
    Map<ResourceId, List<String>> holders = new java.util.TreeMap<>();
    for (dev.pgreach.core.Client c : estate.clients()) {
      if (c.location() instanceof ClientLocation.InVirtualNetwork) {
        holders.computeIfAbsent(((ClientLocation.InVirtualNetwork) c.location()).subnet(), k -> new ArrayList<>()).add("client " + c.name());
      }
    }
    for (PrivateEndpoint p : estate.privateEndpoints()) {
      holders.computeIfAbsent(p.subnet(), k -> new ArrayList<>()).add("private endpoint " + p.name());
    }
    for (Map.Entry<ResourceId, List<String>> e : holders.entrySet()) {
      Optional<Subnet> subnet = network.subnet(e.getKey());
      if (subnet.isEmpty() || subnet.get().networkSecurityGroup().isPresent()
          || NO_GROUP_SUBNETS.contains(subnet.get().name().toLowerCase(java.util.Locale.ROOT))) {
        continue;
      }
      List<String> what = e.getValue();
      what.sort(null);
      out.add(Finding.of(FindingCode.SUBNET_WITHOUT_NSG, subnet.get().id(), "networkSecurityGroup", "none",
          "Subnet " + subnet.get().name() + " holds " + String.join(", ", what)
              + " but has no network security group: only the defaults of the network decide what reaches it and what it reaches."));
    }
  }
}
