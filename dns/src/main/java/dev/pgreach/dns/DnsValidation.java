package dev.pgreach.dns;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.Finding;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.Network;
import dev.pgreach.core.OnPremisesNetwork;
import dev.pgreach.core.Reachability;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServerName;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Validation of the DNS part of an estate: what Azure refuses, and what it accepts but that leaves
 * clients unable to resolve a server.
 *
 * <p>Checked, each with a stable {@link FindingCode}:
 *
 * <ul>
 *   <li>a VNet-integrated server's zone: its name ends with {@code .postgres.database.azure.com}
 *       ({@link FindingCode#PRIVATE_DNS_ZONE_NAME_INVALID}) and is not {@code
 *       <server>.postgres.database.azure.com} for any server of the estate ({@link
 *       FindingCode#PRIVATE_DNS_ZONE_IS_SERVER_NAME}); the zone is in the estate ({@link
 *       FindingCode#PRIVATE_DNS_ZONE_UNKNOWN}) and linked to the server's own network ({@link
 *       FindingCode#PRIVATE_DNS_ZONE_NOT_LINKED}: Azure no longer checks this, and clients there
 *       cannot resolve the server); under a profile with one zone per server, the zone serves only
 *       this server and, if it is one of Azure's {@code *.private.postgres.database.azure.com}
 *       zones, it is the one named after this server ({@link
 *       FindingCode#PRIVATE_DNS_ZONE_NOT_PER_SERVER});
 *   <li>links: one link per zone and network ({@link FindingCode#ZONE_LINKED_TWICE}); no network
 *       linked to two zones of one name (reported on the second zone's link) or to nested zones
 *       ({@link FindingCode#ZONE_LINKS_OVERLAP}); at most one registration zone per network ({@link
 *       FindingCode#REGISTRATION_ZONES_MORE_THAN_ONE}); NxDomainRedirect only where Azure honours
 *       it ({@link FindingCode#NXDOMAIN_REDIRECT_IGNORED});
 *   <li>records: an A record at a VNet-integrated server's name in its zone whose address is
 *       outside the server's delegated subnet, which resolution does not take as the server's
 *       address ({@link FindingCode#PRIVATE_DNS_RECORD_OUTSIDE_SUBNET});
 *   <li>DNS servers: every DNS server a network or on-premises network lists, and every forwarder
 *       target, can be reached by who uses it ({@link FindingCode#DNS_SERVER_UNREACHABLE}); every
 *       custom DNS server sends the private names of VNet-integrated servers and of servers with
 *       private endpoints, directly or through other servers, to Azure-provided DNS from inside a
 *       virtual network ({@link FindingCode#CUSTOM_DNS_NOT_FORWARDING_TO_AZURE}). This is decided
 *       by resolving each server's host name through the DNS server as {@link Resolver} does, so
 *       validation and answers agree: Azure recommends a conditional forwarder for the public zone
 *       {@code postgres.database.azure.com}, but one for {@code
 *       privatelink.postgres.database.azure.com} or a server's private zone works too, because a
 *       DNS server applies its conditional forwarders again to the target of the public CNAME;
 *   <li>peered networks: a network that uses Azure-provided DNS, can route to a VNet-integrated
 *       server (its private address, or its delegated subnet when the address is unknown), and is
 *       not linked to the server's zone ({@link FindingCode#VIRTUAL_NETWORK_NEEDS_ZONE_LINK}):
 *       peering and DNS are independent.
 * </ul>
 *
 * <pre>{@code
 * for (Finding f : DnsValidation.validate(estate, ServiceProfile.preview2021())) {
 *   System.out.println(f);
 * }
 * }</pre>
 */
public final class DnsValidation {
  private DnsValidation() {}

  /**
   * Validates an estate's DNS under a service profile.
   *
   * @param estate the estate
   * @param profile the profile whose rules apply
   * @return the findings, sorted (resource, code, field, value)
   * @throws dev.pgreach.core.PgreachException {@link dev.pgreach.core.ErrorCode#MISSING_ATTRIBUTE}
   *     for a null argument
   */
  public static ImmutableList<Finding> validate(DnsEstate estate, ServiceProfile profile) {
    Checks.notNull(estate, "DnsValidation.validate.estate");
    Checks.notNull(profile, "DnsValidation.validate.profile");
    return validate(Resolver.of(estate, profile));
  }

  /**
   * Validates the DNS of a resolver's estate, with the resolver's routing and profile.
   *
   * @param resolver a resolver over the estate
   * @return the findings, sorted (resource, code, field, value)
   * @throws dev.pgreach.core.PgreachException {@link dev.pgreach.core.ErrorCode#MISSING_ATTRIBUTE}
   *     for a null argument
   */
  public static ImmutableList<Finding> validate(Resolver resolver) {
    Checks.notNull(resolver, "DnsValidation.validate.resolver");
    DnsEstate estate = resolver.estate();
    List<Finding> out = new ArrayList<>();
    serverZones(estate, resolver.profile(), out);
    links(estate, resolver.profile(), out);
    dnsServersReachable(estate, resolver, out);
    forwardingToAzure(estate, resolver, out);
    recordsOutsideSubnet(estate, resolver, out);
    zoneLinksNeeded(estate, resolver, resolver.routing(), out);
    return ImmutableList.sortedCopyOf(out);
  }

  // ---------------------------------------------------------------- a server's zone

  private static void serverZones(DnsEstate estate, ServiceProfile profile, List<Finding> out) {
    Network network = estate.network();
    for (FlexibleServer s : network.flexibleServers()) {
      if (!s.isVnetIntegrated() || s.privateDnsZone().isEmpty()) {
        continue;
      }
      ResourceId zoneId = s.privateDnsZone().get();
      String text = zoneId.name();
      Optional<ZoneName> name = ZoneName.tryParse(text);
      if (name.isEmpty() || !name.get().isWithin(ZoneName.POSTGRES) || name.get().equals(ZoneName.POSTGRES)) {
        out.add(
            Finding.of(
                FindingCode.PRIVATE_DNS_ZONE_NAME_INVALID,
                s.id(),
                "privateDnsZone",
                text,
                "The private DNS zone of a VNet-integrated server must end with ." + ZoneName.POSTGRES + "; Azure refuses " + text + "."));
      } else {
        ZoneName zone = name.get();
        if (zone.dnsName().labelCount() == ZoneName.POSTGRES.dnsName().labelCount() + 1) {
          Optional<FlexibleServer> named = ServerName.tryParse(zone.firstLabel()).flatMap(network::flexibleServer);
          if (named.isPresent()) {
            out.add(
                Finding.of(
                    FindingCode.PRIVATE_DNS_ZONE_IS_SERVER_NAME,
                    s.id(),
                    "privateDnsZone",
                    text,
                    "The zone name is server "
                        + named.get().name()
                        + "'s host name: it cannot be a server name plus ."
                        + ZoneName.POSTGRES
                        + ", or name resolution fails."));
          }
        }
        if (profile.privateDnsZonePerServer()) {
          perServer(network, s, zoneId, zone, profile, out);
        }
      }
      Optional<PrivateDnsZone> zone = estate.privateDnsZones().stream().filter(z -> z.id().equals(zoneId)).findFirst();
      if (zone.isEmpty()) {
        out.add(
            Finding.of(
                FindingCode.PRIVATE_DNS_ZONE_UNKNOWN,
                s.id(),
                "privateDnsZone",
                zoneId,
                "The server's private DNS zone is not in the estate, so nothing is known to answer for the server's name."));
        continue;
      }
      ResourceId vnet = network.virtualNetworkOf(s.delegatedSubnet().get()).id();
      if (zone.get().linksTo(vnet).isEmpty()) {
        out.add(
            Finding.of(
                FindingCode.PRIVATE_DNS_ZONE_NOT_LINKED,
                s.id(),
                "privateDnsZone",
                zoneId,
                "Zone "
                    + zone.get().name()
                    + " is not linked to the server's own virtual network "
                    + vnet.name()
                    + ": Azure no longer checks this, and clients there cannot resolve the server. Link the zone to "
                    + vnet.name()
                    + "."));
      }
    }
  }

  private static void perServer(
      Network network, FlexibleServer s, ResourceId zoneId, ZoneName zone, ServiceProfile profile, List<Finding> out) {
    List<String> sharing = new ArrayList<>();
    for (FlexibleServer other : network.flexibleServers()) {
      if (!other.id().equals(s.id()) && other.isVnetIntegrated() && other.privateDnsZone().equals(Optional.of(zoneId))) {
        sharing.add(other.name().toString());
      }
    }
    sharing.sort(null);
    if (!sharing.isEmpty()) {
      out.add(
          Finding.of(
              FindingCode.PRIVATE_DNS_ZONE_NOT_PER_SERVER,
              s.id(),
              "privateDnsZone",
              zoneId,
              "Under the " + profile.name() + " profile each server has its own private DNS zone, but " + zone + " also serves " + sharing + "."));
    }
    if (zone.isWithin(ZoneName.POSTGRES_PRIVATE)) {
      ZoneName own = ZoneName.of(ZoneName.POSTGRES_PRIVATE.dnsName().prepend(s.name().toString()));
      if (!zone.equals(own)) {
        out.add(
            Finding.of(
                FindingCode.PRIVATE_DNS_ZONE_NOT_PER_SERVER,
                s.id(),
                "privateDnsZone",
                zone,
                "Zones ending with "
                    + ZoneName.POSTGRES_PRIVATE
                    + " are provisioned by Azure, one per server named after it, and can only be linked; under the "
                    + profile.name()
                    + " profile this server's would be "
                    + own
                    + "."));
      }
    }
  }

  // ---------------------------------------------------------------- links

  private static void links(DnsEstate estate, ServiceProfile profile, List<Finding> out) {
    Map<ResourceId, List<PrivateDnsZone>> zonesByNetwork = new TreeMap<>();
    Map<ResourceId, List<PrivateDnsZone>> registrationsByNetwork = new TreeMap<>();
    for (PrivateDnsZone z : estate.privateDnsZones()) {
      Set<ResourceId> seen = new HashSet<>();
      Set<ResourceId> twice = new java.util.TreeSet<>();
      for (VirtualNetworkLink l : z.virtualNetworkLinks()) {
        if (!seen.add(l.virtualNetwork())) {
          twice.add(l.virtualNetwork());
        } else {
          zonesByNetwork.computeIfAbsent(l.virtualNetwork(), k -> new ArrayList<>()).add(z);
        }
        if (l.registrationEnabled()) {
          List<PrivateDnsZone> r = registrationsByNetwork.computeIfAbsent(l.virtualNetwork(), k -> new ArrayList<>());
          if (!r.contains(z)) {
            r.add(z);
          }
        }
        if (l.resolutionPolicy() == ResolutionPolicy.NX_DOMAIN_REDIRECT) {
          if (!z.name().isPrivatelinkZone()) {
            out.add(
                Finding.of(
                    FindingCode.NXDOMAIN_REDIRECT_IGNORED,
                    l.id(),
                    "resolutionPolicy",
                    "NxDomainRedirect",
                    "Zone " + z.name() + " is not a Private Link zone (privatelink.*): Azure ignores NxDomainRedirect on its links, so missing names stay NXDOMAIN."));
          } else if (!profile.nxDomainRedirectSupported()) {
            out.add(
                Finding.of(
                    FindingCode.NXDOMAIN_REDIRECT_IGNORED,
                    l.id(),
                    "resolutionPolicy",
                    "NxDomainRedirect",
                    "The " + profile.name() + " profile has no NxDomainRedirect (it came with private DNS API 2024-06-01): missing names stay NXDOMAIN."));
          }
        }
      }
      for (ResourceId vnet : twice) {
        out.add(
            Finding.of(
                FindingCode.ZONE_LINKED_TWICE,
                z.id(),
                "virtualNetworkLinks",
                vnet,
                "Zone " + z.name() + " has more than one link to virtual network " + vnet.name() + "; Azure allows one. The most restrictive link is used."));
      }
    }
    for (Map.Entry<ResourceId, List<PrivateDnsZone>> e : zonesByNetwork.entrySet()) {
      List<PrivateDnsZone> zones = new ArrayList<>(e.getValue());
      zones.sort(Comparator.comparing(PrivateDnsZone::name).thenComparing(PrivateDnsZone::id));
      for (int i = 0; i < zones.size(); i++) {
        for (int j = i + 1; j < zones.size(); j++) {
          ZoneName a = zones.get(i).name();
          ZoneName b = zones.get(j).name();
          if (a.equals(b)) {
            ResourceId network = e.getKey();
            PrivateDnsZone second = zones.get(j);
            ResourceId link =
                second.virtualNetworkLinks().stream()
                    .filter(l -> l.virtualNetwork().equals(network))
                    .map(VirtualNetworkLink::id)
                    .sorted()
                    .findFirst()
                    .orElse(second.id());
            out.add(
                Finding.of(
                    FindingCode.ZONE_LINKS_OVERLAP,
                    link,
                    "virtualNetwork",
                    network,
                    "Virtual network " + network.name() + " is linked to two zones named " + a + " (" + zones.get(i).id() + " and "
                        + second.id() + "); Azure refuses the second link: a virtual network cannot be linked to multiple zones with"
                        + " overlapping namespaces. Names in them resolve to an undecided answer here."));
          } else if (a.overlaps(b)) {
            out.add(
                Finding.of(
                    FindingCode.ZONE_LINKS_OVERLAP,
                    e.getKey(),
                    "privateDnsZoneLinks",
                    a + ", " + b,
                    "Virtual network "
                        + e.getKey().name()
                        + " is linked to zones "
                        + a
                        + " and "
                        + b
                        + ", whose namespaces overlap; Azure refuses such links. Here the more specific zone answers for its names."));
          }
        }
      }
    }
    for (Map.Entry<ResourceId, List<PrivateDnsZone>> e : registrationsByNetwork.entrySet()) {
      if (e.getValue().size() > 1) {
        List<String> names = new ArrayList<>();
        e.getValue().forEach(z -> names.add(z.name() + " (" + z.id().resourceGroup() + ")"));
        names.sort(null);
        out.add(
            Finding.of(
                FindingCode.REGISTRATION_ZONES_MORE_THAN_ONE,
                e.getKey(),
                "registrationEnabled",
                String.join(", ", names),
                "Virtual network " + e.getKey().name() + " has " + names.size() + " registration zones; Azure allows one."));
      }
    }
  }

  // ---------------------------------------------------------------- DNS servers

  private static void dnsServersReachable(DnsEstate estate, Resolver resolver, List<Finding> out) {
    Network network = estate.network();
    for (VirtualNetwork v : network.virtualNetworks()) {
      List<Subnet> subnets = new ArrayList<>(v.subnets());
      subnets.sort(Comparator.comparing(Subnet::id));
      for (Ipv4Address address : new LinkedHashSet<>(v.dnsServers())) {
        for (Subnet s : subnets) {
          ClientLocation probe = ClientLocation.InVirtualNetwork.of(s.id(), probeAddress(s.addressPrefix()));
          Optional<DnsStep> failure = resolver.contactFailure(probe, address);
          if (failure.isPresent()) {
            out.add(
                Finding.of(
                    FindingCode.DNS_SERVER_UNREACHABLE,
                    v.id(),
                    "dnsServers",
                    address,
                    "Hosts in subnet " + s.name() + " of " + v.name() + " get no answer from DNS server " + address + ": " + failure.get().reason()));
            break;
          }
        }
      }
    }
    for (OnPremisesNetwork o : network.onPremisesNetworks()) {
      if (o.dnsServers().isEmpty()) {
        continue;
      }
      Ipv4Prefix first = o.addressPrefixes().stream().min(Comparator.naturalOrder()).orElseThrow();
      ClientLocation probe = ClientLocation.OnPremises.of(o.id(), probeAddress(first));
      for (Ipv4Address address : new LinkedHashSet<>(o.dnsServers())) {
        resolver
            .contactFailure(probe, address)
            .ifPresent(
                f ->
                    out.add(
                        Finding.of(
                            FindingCode.DNS_SERVER_UNREACHABLE,
                            o.id(),
                            "dnsServers",
                            address,
                            "Hosts on " + o.name() + " get no answer from DNS server " + address + ": " + f.reason())));
      }
    }
    for (DnsServer d : estate.dnsServers()) {
      Map<Ipv4Address, String> targets = new TreeMap<>();
      d.forwarders().forEach(t -> targets.putIfAbsent(t, "forwarders"));
      d.conditionalForwarders().stream()
          .sorted(Comparator.comparing(ConditionalForwarder::domain))
          .forEach(f -> f.targets().forEach(t -> targets.putIfAbsent(t, "conditionalForwarders[" + f.domain() + "]")));
      targets.forEach(
          (target, field) ->
              resolver
                  .contactFailure(d.location(), target)
                  .ifPresent(
                      f ->
                          out.add(
                              Finding.of(
                                  FindingCode.DNS_SERVER_UNREACHABLE,
                                  d.id(),
                                  field,
                                  target,
                                  "DNS server " + d.name() + " cannot forward to " + target + ": " + f.reason()))));
    }
  }

  /**
   * Derived from resolution, so that validation and answers agree: each custom DNS server is asked
   * for the host name of every server that only private zones can answer, exactly as the resolver
   * would ask it (forwarders and conditional forwarders applied to every name of the CNAME chain),
   * and the finding is made when the server's private name never reaches Azure-provided DNS from
   * inside a virtual network.
   */
  private static void forwardingToAzure(DnsEstate estate, Resolver resolver, List<Finding> out) {
    Map<DnsName, DnsName> names = privateNames(estate);
    if (names.isEmpty()) {
      return;
    }
    List<DnsServer> servers = new ArrayList<>(estate.dnsServers());
    servers.sort(Comparator.comparing(DnsServer::id));
    for (DnsServer d : servers) {
      if (d.kind() != DnsServerKind.CUSTOM) {
        continue;
      }
      for (Map.Entry<DnsName, DnsName> e : names.entrySet()) {
        Resolution r = resolver.resolveThrough(d, e.getKey());
        if (!askedOfAzureDns(r, e.getValue())) {
          out.add(
              Finding.of(
                  FindingCode.CUSTOM_DNS_NOT_FORWARDING_TO_AZURE,
                  d.id(),
                  "forwarders",
                  e.getKey(),
                  "DNS server "
                      + d.name()
                      + " does not send "
                      + e.getValue()
                      + ", the private name of "
                      + e.getKey()
                      + ", to Azure-provided DNS ("
                      + Resolver.AZURE_PROVIDED_DNS
                      + ") from inside a virtual network, directly or through other servers, so the private zones cannot answer it. Asked for "
                      + e.getKey()
                      + ", it ends with: "
                      + r.lastStep().reason()
                      + " Forward "
                      + ZoneName.POSTGRES
                      + " to "
                      + Resolver.AZURE_PROVIDED_DNS
                      + " from a server in a virtual network, or to a Private Resolver inbound endpoint."));
          break;
        }
      }
    }
  }

  /**
   * The host names that only private zones can answer, those of VNet-integrated servers and of
   * servers with private endpoints, each with the private name its public CNAME points to.
   */
  private static Map<DnsName, DnsName> privateNames(DnsEstate estate) {
    List<FlexibleServer> servers = new ArrayList<>(estate.network().flexibleServers());
    servers.sort(Comparator.comparing(FlexibleServer::id));
    Map<DnsName, DnsName> names = new LinkedHashMap<>();
    for (FlexibleServer s : servers) {
      if (s.isVnetIntegrated()) {
        s.privateDnsZone()
            .flatMap(z -> ZoneName.tryParse(z.name()))
            .flatMap(z -> DnsName.tryParse(s.name() + "." + z))
            .ifPresent(n -> names.putIfAbsent(DnsName.of(s.name()), n));
      } else if (estate.hasPrivateEndpoint(s.id())) {
        names.putIfAbsent(DnsName.of(s.name()), ZoneName.POSTGRES_PRIVATELINK.dnsName().prepend(s.name().toString()));
      }
    }
    return names;
  }

  /** Whether a resolution asked Azure-provided DNS, in some virtual network, for a name. */
  private static boolean askedOfAzureDns(Resolution r, DnsName name) {
    return r.steps().stream()
        .anyMatch(
            s -> s instanceof DnsStep.Queried
                && ((DnsStep.Queried) s).nameServer() instanceof NameServer.AzureProvided
                && ((DnsStep.Queried) s).name().equals(name));
  }

  // ---------------------------------------------------------------- records at a server's name

  private static void recordsOutsideSubnet(DnsEstate estate, Resolver resolver, List<Finding> out) {
    Network network = estate.network();
    for (FlexibleServer s : network.flexibleServers()) {
      if (!s.isVnetIntegrated() || s.privateDnsZone().isEmpty()) {
        continue;
      }
      Subnet subnet = network.subnet(s.delegatedSubnet().get()).orElseThrow();
      RecordName name = RecordName.parse(s.name().toString());
      for (DnsRecord r : resolver.recordsSetAside(s.privateDnsZone().get(), name)) {
        Ipv4Address address = ((DnsRecord.A) r).address();
        out.add(
            Finding.of(
                FindingCode.PRIVATE_DNS_RECORD_OUTSIDE_SUBNET,
                s.privateDnsZone().get(),
                "records",
                r,
                "Zone "
                    + s.privateDnsZone().get().name()
                    + " lists "
                    + r
                    + " at the name of VNet-integrated server "
                    + s.name()
                    + ", but "
                    + address
                    + " is outside the server's delegated subnet "
                    + subnet.name()
                    + " ("
                    + subnet.addressPrefix()
                    + "): it cannot be the server's address, so pgreach does not use it"
                    + s.privateAddress().map(a -> "; the server's own address " + a + " answers instead.").orElse(
                        serverRecordAddress(estate, s).isPresent()
                            ? "; the records inside the subnet answer."
                            : "; the server's address is unknown, so its name gets an unknown answer.")));
      }
    }
  }

  /** The lowest address of an A record at a VNet-integrated server's name in its zone that lies in its delegated subnet. */
  private static Optional<Ipv4Address> serverRecordAddress(DnsEstate estate, FlexibleServer s) {
    Ipv4Prefix subnet = estate.network().subnet(s.delegatedSubnet().get()).orElseThrow().addressPrefix();
    RecordName name = RecordName.parse(s.name().toString());
    return estate.privateDnsZones().stream()
        .filter(z -> s.privateDnsZone().equals(Optional.of(z.id())))
        .flatMap(z -> z.records().stream())
        .filter(r -> r instanceof DnsRecord.A && r.name().equals(name))
        .map(r -> ((DnsRecord.A) r).address())
        .filter(subnet::contains)
        .min(Comparator.naturalOrder());
  }

  // ---------------------------------------------------------------- peered networks

  private static void zoneLinksNeeded(DnsEstate estate, Resolver resolver, Reachability routing, List<Finding> out) {
    Network network = estate.network();
    List<VirtualNetwork> vnets = new ArrayList<>(network.virtualNetworks());
    vnets.sort(Comparator.comparing(VirtualNetwork::id));
    for (FlexibleServer s : network.flexibleServers()) {
      if (!s.isVnetIntegrated() || s.privateDnsZone().isEmpty()) {
        continue;
      }
      ResourceId zoneId = s.privateDnsZone().get();
      Subnet delegated = network.subnet(s.delegatedSubnet().get()).orElseThrow();
      ResourceId home = delegated.virtualNetwork();
      // Where the server is: its address, else its record in the zone, else any host of its subnet
      // (routing to a subnet does not depend on the host).
      Optional<Ipv4Address> known = s.privateAddress().or(() -> serverRecordAddress(estate, s));
      Ipv4Address target = known.orElse(probeAddress(delegated.addressPrefix()));
      String where =
          known.map(a -> " at " + a).orElse(" in its subnet " + delegated.name() + " (" + delegated.addressPrefix() + "; its address is not known)");
      for (VirtualNetwork v : vnets) {
        if (v.id().equals(home) || !v.usesAzureProvidedDns()) {
          continue;
        }
        boolean linked = resolver.linkedZones(v.id()).stream().anyMatch(z -> z.zone.equals(zoneId));
        if (linked) {
          continue;
        }
        Optional<Subnet> reaching =
            v.subnets().stream()
                .sorted(Comparator.comparing(Subnet::id))
                .filter(sub -> routing.route(ClientLocation.InVirtualNetwork.of(sub.id(), probeAddress(sub.addressPrefix())), target).arrives())
                .findFirst();
        if (reaching.isPresent()) {
          out.add(
              Finding.of(
                  FindingCode.VIRTUAL_NETWORK_NEEDS_ZONE_LINK,
                  v.id(),
                  "virtualNetworkLinks",
                  zoneId.name(),
                  "Hosts in "
                      + v.name()
                      + " can reach server "
                      + s.name()
                      + where
                      + ", but cannot resolve its name: peering and private DNS are independent. Link zone "
                      + zoneId.name()
                      + " to "
                      + v.name()
                      + "."));
        }
      }
    }
  }

  /** A host address inside a prefix for probing: the first usable one Azure would give, or the first. */
  private static Ipv4Address probeAddress(Ipv4Prefix prefix) {
    return prefix.size() > Subnet.RESERVED_ADDRESS_COUNT - 1
        ? Ipv4Address.ofLong(prefix.first().toLong() + Subnet.RESERVED_ADDRESS_COUNT - 1)
        : prefix.first();
  }
}
