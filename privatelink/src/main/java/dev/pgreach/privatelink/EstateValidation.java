package dev.pgreach.privatelink;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.Finding;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Network;
import dev.pgreach.core.NetworkInterface;
import dev.pgreach.core.NetworkValidation;
import dev.pgreach.core.PublicNetworkAccess;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.dns.DnsRecord;
import dev.pgreach.dns.DnsValidation;
import dev.pgreach.dns.PrivateDnsZone;
import dev.pgreach.dns.RecordName;
import dev.pgreach.dns.ZoneName;
import dev.pgreach.firewall.FirewallValidation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 *   <li>a server nothing can reach: public access without enforced firewall rules and without an
 *       approved private endpoint.
 * </ul>
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
    Checks.notNull(estate, "EstateValidation.estate");
    Checks.notNull(profile, "EstateValidation.profile");
    List<Finding> out = new ArrayList<>();
    for (Finding f : NetworkValidation.validate(estate.network(), profile)) {
      if (!excusedByPrivateEndpoints(estate, profile, f)) {
        out.add(f);
      }
    }
    out.addAll(
        FirewallValidation.validate(
            estate.network(), profile, estate.firewallRules(), estate.networkSecurityGroups(), estate.serviceTagRanges()));
    out.addAll(DnsValidation.validate(estate.dnsEstate(), profile));
    privateEndpoints(estate, profile, out);
    restores(estate, profile, out);
    servers(estate, profile, out);
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

  /**
   * Under a profile where servers with private endpoints are not publicly accessible at all (the
   * 2021 preview), public network access "off" on such a server is how it already behaves, not a
   * toggle the profile lacks.
   */
  private static boolean excusedByPrivateEndpoints(Estate estate, ServiceProfile profile, Finding f) {
    return f.code() == FindingCode.PUBLIC_NETWORK_ACCESS_TOGGLE_UNSUPPORTED
        && profile.privateEndpointsForbidPublicAccess()
        && estate.network().flexibleServers().stream()
            .anyMatch(s -> s.id().toString().equals(f.resource()) && !estate.privateEndpointsOf(s.id()).isEmpty());
  }

  private static void privateEndpoints(Estate estate, ServiceProfile profile, List<Finding> out) {
    Network network = estate.network();
    Map<ResourceId, Map<Ipv4Address, ResourceId>> held = new HashMap<>();
    for (NetworkInterface n : network.networkInterfaces()) {
      held.computeIfAbsent(network.virtualNetworkOf(n.subnet()).id(), k -> new HashMap<>()).putIfAbsent(n.privateAddress(), n.id());
    }
    for (FlexibleServer s : network.flexibleServers()) {
      if (s.isVnetIntegrated() && s.privateAddress().isPresent()) {
        held.computeIfAbsent(network.virtualNetworkOf(s.delegatedSubnet().get()).id(), k -> new HashMap<>())
            .putIfAbsent(s.privateAddress().get(), s.id());
      }
    }
    List<PrivateEndpoint> endpoints = new ArrayList<>(estate.privateEndpoints());
    endpoints.sort((a, b) -> a.id().compareTo(b.id()));
    for (PrivateEndpoint p : endpoints) {
      FlexibleServer server = estate.server(p.targetServer());
      Subnet subnet = network.subnet(p.subnet()).orElseThrow();
      VirtualNetwork vnet = network.virtualNetworkOf(subnet.id());
      if (server.isVnetIntegrated()) {
        out.add(
            Finding.of(
                FindingCode.PRIVATE_ENDPOINT_ON_VNET_INTEGRATED_SERVER,
                p.id(),
                "targetServer",
                server.id(),
                server.name() + " is VNet-integrated; Azure does not allow private endpoints on such servers."));
      }
      switch (p.connectionState()) {
        case PENDING:
          out.add(Finding.of(FindingCode.PRIVATE_ENDPOINT_PENDING, p.id(), "connectionState", "Pending",
              "The connection waits for " + server.name() + "'s owner to approve it; until then it carries no traffic."));
          break;
        case REJECTED:
          out.add(Finding.of(FindingCode.PRIVATE_ENDPOINT_REJECTED, p.id(), "connectionState", "Rejected",
              server.name() + "'s owner rejected the connection; it carries no traffic."));
          break;
        case DISCONNECTED:
          out.add(Finding.of(FindingCode.PRIVATE_ENDPOINT_DISCONNECTED, p.id(), "connectionState", "Disconnected",
              "The connection was removed by " + server.name() + "'s owner; the endpoint carries no traffic and should be deleted."));
          break;
        default:
          break;
      }
      if (!p.region().equals(vnet.region())) {
        out.add(Finding.of(FindingCode.PRIVATE_ENDPOINT_REGION_MISMATCH, p.id(), "region", p.region(),
            "A private endpoint must be in its virtual network's region (" + vnet.region() + ")."));
      }
      if (!p.region().equals(server.region()) && !profile.privateEndpointsAcrossRegions()) {
        out.add(Finding.of(FindingCode.PRIVATE_ENDPOINT_CROSS_REGION_UNSUPPORTED, p.id(), "region", p.region(),
            "Under the " + profile.name() + " profile a private endpoint must be in its server's region (" + server.region() + ")."));
      }
      serverSupportsEndpoints(estate, profile, p, server, out);
      address(p, subnet, vnet, held, out);
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
      dns(estate, p, server, out);
    }
  }

  private static void serverSupportsEndpoints(Estate estate, ServiceProfile profile, PrivateEndpoint p, FlexibleServer server, List<Finding> out) {
    List<String> reasons = new ArrayList<>();
    if (profile.privateEndpointsRequireSingleInstance() && server.highAvailability().isEnabled()) {
      reasons.add("high availability is enabled");
    }
    if (profile.privateEndpointsForbidReplicas() && replicates(estate, server)) {
      reasons.add("the server takes part in replication (" + replicationOf(estate, server) + ")");
    }
    if (profile.privateEndpointsForbidPointInTimeRestore() && server.createMode() == dev.pgreach.core.CreateMode.POINT_IN_TIME_RESTORE) {
      reasons.add("the server was restored to a point in time");
    }
    if (profile.privateEndpointsForbidPublicAccess()
        && server.publicNetworkAccess() == PublicNetworkAccess.ENABLED
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
  private static boolean replicates(Estate estate, FlexibleServer server) {
    return server.replicationRole().isReplicating()
        || estate.network().flexibleServers().stream().anyMatch(s -> s.sourceServer().equals(Optional.of(server.id())) && s.replicationRole().isReplicating());
  }

  private static String replicationOf(Estate estate, FlexibleServer server) {
    if (server.replicationRole().isReplicating()) {
      return server.replicationRole().toString();
    }
    return "a read replica names it as its source";
  }

  /**
   * Under a profile that forbids restore of servers with private endpoints, a server restored from
   * such a server is reported too: the restore itself is what the preview did not support.
   */
  private static void restores(Estate estate, ServiceProfile profile, List<Finding> out) {
    if (!profile.privateEndpointsForbidPointInTimeRestore()) {
      return;
    }
    for (FlexibleServer s : estate.network().flexibleServers()) {
      boolean restored = s.createMode() == dev.pgreach.core.CreateMode.POINT_IN_TIME_RESTORE || s.createMode() == dev.pgreach.core.CreateMode.GEO_RESTORE;
      if (restored && s.sourceServer().isPresent() && !estate.privateEndpointsOf(s.sourceServer().get()).isEmpty()) {
        out.add(Finding.of(FindingCode.PRIVATE_ENDPOINT_SERVER_UNSUPPORTED, s.id(), "createMode", s.createMode(),
            "Under the " + profile.name() + " profile a server with private endpoints (" + s.sourceServer().get().name()
                + ") cannot be restored from backup."));
      }
    }
  }

  private static void address(PrivateEndpoint p, Subnet subnet, VirtualNetwork vnet, Map<ResourceId, Map<Ipv4Address, ResourceId>> held, List<Finding> out) {
    Ipv4Address a = p.privateAddress();
    if (!subnet.addressPrefix().contains(a)) {
      out.add(Finding.of(FindingCode.ADDRESS_OUTSIDE_SUBNET, p.id(), "privateAddress", a,
          a + " is outside subnet " + subnet.name() + " (" + subnet.addressPrefix() + ")."));
      return;
    }
    if (subnet.reservedAddresses().contains(a)) {
      out.add(Finding.of(FindingCode.ADDRESS_RESERVED, p.id(), "privateAddress", a,
          a + " is one of the five addresses Azure reserves in subnet " + subnet.name() + "."));
    }
    ResourceId previous = held.computeIfAbsent(vnet.id(), k -> new HashMap<>()).putIfAbsent(a, p.id());
    if (previous != null) {
      out.add(Finding.of(FindingCode.ADDRESS_IN_USE, p.id(), "privateAddress", a,
          a + " is already held by " + previous + " in " + vnet.name() + " (Azure: PrivateIPAddressIsAllocated)."));
    }
  }

  private static void dns(Estate estate, PrivateEndpoint p, FlexibleServer server, List<Finding> out) {
    boolean recorded = false;
    RecordName record = RecordName.parse(server.name().toString());
    for (ResourceId zoneId : p.privateDnsZones()) {
      PrivateDnsZone zone = estate.privateDnsZones().stream().filter(z -> z.id().equals(zoneId)).findFirst().orElseThrow();
      if (!zone.name().equals(ZoneName.POSTGRES_PRIVATELINK)) {
        out.add(Finding.of(FindingCode.PRIVATE_ENDPOINT_ZONE_NOT_PRIVATELINK, p.id(), "privateDnsZones", zone.name(),
            "Zone " + zone.name() + " is not " + ZoneName.POSTGRES_PRIVATELINK + "; the public CNAME of " + server.name()
                + " leads to that name only, so this record is never used."));
      } else if (zone.recordsAt(record).stream().noneMatch(r -> r instanceof DnsRecord.Cname)) {
        recorded = true;
      }
    }
    boolean elsewhere =
        estate.privateDnsZones().stream()
            .filter(z -> z.name().equals(ZoneName.POSTGRES_PRIVATELINK))
            .anyMatch(z -> z.recordsAt(record).stream().anyMatch(r -> r instanceof DnsRecord.A));
    if (p.carriesTraffic() && !recorded && !elsewhere) {
      out.add(Finding.of(FindingCode.PRIVATE_ENDPOINT_NO_DNS_RECORD, p.id(), "privateDnsZones", p.privateDnsZones(),
          "No " + ZoneName.POSTGRES_PRIVATELINK + " zone holds an A record for " + server.name()
              + ": clients resolving " + server.fullyQualifiedDomainName() + " will not get " + p.privateAddress() + "."));
    }
  }

  private static void servers(Estate estate, ServiceProfile profile, List<Finding> out) {
    for (FlexibleServer s : estate.network().flexibleServers()) {
      if (profile.privateEndpointsBlockNameReuse() && estate.droppedServersWithPrivateEndpoints().contains(s.name())) {
        out.add(Finding.of(FindingCode.SERVER_NAME_REUSE_BLOCKED, s.id(), "name", s.name(),
            "A dropped server named " + s.name() + " had private endpoints; under the " + profile.name()
                + " profile its name cannot be reused."));
      }
      if (s.isVnetIntegrated()) {
        continue;
      }
      boolean approved = estate.privateEndpointsOf(s.id()).stream().anyMatch(PrivateEndpoint::carriesTraffic);
      boolean publicDoor = s.publicNetworkAccess() == PublicNetworkAccess.ENABLED && !estate.firewallRulesOf(s.id()).isEmpty();
      if (!approved && !publicDoor) {
        out.add(Finding.of(FindingCode.SERVER_UNREACHABLE, s.id(), "publicNetworkAccess", s.publicNetworkAccess(),
            s.name() + " has " + (s.publicNetworkAccess() == PublicNetworkAccess.DISABLED ? "public access disabled" : "no firewall rules")
                + " and no approved private endpoint: nothing can connect to it."));
      }
    }
  }
}
