package dev.pgreach.dns;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.Coverage;
import dev.pgreach.core.Finding;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Inventory;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.Network;
import dev.pgreach.core.NextHopType;
import dev.pgreach.core.OnPremisesNetwork;
import dev.pgreach.core.Path;
import dev.pgreach.core.Place;
import dev.pgreach.core.Reachability;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServerName;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

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
 *       linked to two zones of one name or to nested zones ({@link FindingCode#ZONE_LINKS_OVERLAP},
 *       an error reported on the link Azure refuses: the second zone's in canonical order, the
 *       more specific of nested zones; the rest of the estate is read and validated as usual); at most one registration zone per network ({@link
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
 *   <li>peered networks: a network that uses Azure-provided DNS, routes to a VNet-integrated
 *       server (its private address, or its delegated subnet when the address is unknown) so that
 *       the packet arrives in the server's own network, as {@code connect} would route it, and is
 *       not linked to the server's zone ({@link FindingCode#VIRTUAL_NETWORK_NEEDS_ZONE_LINK}):
 *       peering and DNS are independent.
 * </ul>
 *
 * <p><b>Open world.</b> A check that needs a resource outside the input (a server's delegated
 * subnet, a zone) is not made. A finding that relies on the absence of something (no link
 * between a zone and a network, no zone in the input, a forwarding chain that stops at a DNS
 * server the input does not describe) is a warning only when the input shows the collection in
 * full: a zone's links or a network's linked zones ({@link Inventory#VIRTUAL_NETWORK_LINKS},
 * {@link Inventory#LINKED_PRIVATE_DNS_ZONES}); otherwise it is advice naming what is not in the
 * input ({@link Finding#notInInput}). Removing a resource from an input therefore never adds a
 * warning or an error.
 *
 * <p><b>Cost.</b> Zones are indexed by id and VNet-integrated servers by zone; overlapping links
 * are found per network in one sweep in canonical DNS order; DNS servers are contacted once per
 * listing subnet; custom DNS servers resolve each private server name once (d × s resolutions for
 * d custom servers, s servers with private names); the zone links a network needs are found
 * through a prefix index of the routes that can leave a network (see {@code zoneLinksNeeded}),
 * never by comparing every network with every server.
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
    Index index = new Index(estate);
    List<Finding> out = new ArrayList<>();
    serverZones(estate, index, resolver.profile(), out);
    links(estate, resolver.profile(), out);
    dnsServersReachable(estate, resolver, out);
    forwardingToAzure(estate, resolver, out);
    recordsOutsideSubnet(estate, index, resolver, out);
    zoneLinksNeeded(estate, index, resolver, resolver.routing(), out);
    return ImmutableList.sortedCopyOf(out);
  }

  /** What the checks look up, indexed once: zones by id, VNet-integrated servers by zone. */
  private static final class Index {
    final Map<ResourceId, PrivateDnsZone> zones = new HashMap<>();
    final Map<ResourceId, List<FlexibleServer>> serversByZone = new HashMap<>();

    Index(DnsEstate estate) {
      for (PrivateDnsZone z : estate.privateDnsZones()) {
        zones.putIfAbsent(z.id(), z);
      }
      for (FlexibleServer s : estate.network().flexibleServers()) {
        if (s.isVnetIntegrated() && s.privateDnsZone().isPresent()) {
          serversByZone.computeIfAbsent(s.privateDnsZone().get(), k -> new ArrayList<>()).add(s);
        }
      }
    }
  }

  /**
   * Why the input may not show every link between a zone and a network, if it may not: neither the
   * links of the zone (held in the input) nor the zones linked to the network are observed in full.
   */
  private static Optional<String> unseenLink(Index index, Coverage coverage, ResourceId zone, ResourceId virtualNetwork) {
    if ((index.zones.containsKey(zone) && coverage.isComplete(Inventory.VIRTUAL_NETWORK_LINKS, zone))
        || coverage.isComplete(Inventory.LINKED_PRIVATE_DNS_ZONES, virtualNetwork)) {
      return Optional.empty();
    }
    return Optional.of(Inventory.VIRTUAL_NETWORK_LINKS.of(zone.name()) + " are not all observed, and a link to " + virtualNetwork.name() + " may exist");
  }

  // ---------------------------------------------------------------- a server's zone

  private static void serverZones(DnsEstate estate, Index index, ServiceProfile profile, List<Finding> out) {
    Network network = estate.network();
    Coverage coverage = network.coverage();
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
          perServer(index, s, zoneId, zone, profile, out);
        }
      }
      PrivateDnsZone zone = index.zones.get(zoneId);
      if (zone == null) {
        Finding f =
            Finding.of(
                FindingCode.PRIVATE_DNS_ZONE_UNKNOWN,
                s.id(),
                "privateDnsZone",
                zoneId,
                "The server's private DNS zone is not in the estate, so nothing is known to answer for the server's name.");
        out.add(
            coverage.isDeclaredWhole() && !coverage.isOutsideInput(zoneId)
                ? f
                : f.notInInput("zone " + coverage.describe(zoneId) + " is not in the input"));
        continue;
      }
      ResourceId vnet = Network.virtualNetworkIdOf(s.delegatedSubnet().get());
      if (zone.linksTo(vnet).isEmpty()) {
        Finding f =
            Finding.of(
                FindingCode.PRIVATE_DNS_ZONE_NOT_LINKED,
                s.id(),
                "privateDnsZone",
                zoneId,
                "Zone "
                    + zone.name()
                    + " is not linked to the server's own virtual network "
                    + vnet.name()
                    + ": Azure no longer checks this, and clients there cannot resolve the server. Link the zone to "
                    + vnet.name()
                    + ".");
        Optional<String> unseen = unseenLink(index, coverage, zoneId, vnet);
        out.add(unseen.isEmpty() ? f : f.notInInput(unseen.get()));
      }
    }
  }

  private static void perServer(
      Index index, FlexibleServer s, ResourceId zoneId, ZoneName zone, ServiceProfile profile, List<Finding> out) {
    List<String> sharing = new ArrayList<>();
    for (FlexibleServer other : index.serversByZone.getOrDefault(zoneId, List.of())) {
      if (!other.id().equals(s.id())) {
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
      // In canonical DNS order a zone comes before the zones inside it, and those follow it
      // contiguously: the zones still open form a chain of ancestors, and each zone overlaps
      // exactly the chain (one sweep, O(k log k) plus the overlaps reported).
      zones.sort(Comparator.comparing(PrivateDnsZone::name).thenComparing(PrivateDnsZone::id));
      java.util.ArrayDeque<PrivateDnsZone> open = new java.util.ArrayDeque<>();
      for (PrivateDnsZone second : zones) {
        while (!open.isEmpty() && !second.name().isWithin(open.peekLast().name())) {
          open.pollLast();
        }
        for (PrivateDnsZone first : open) {
          overlap(e.getKey(), first, second, out);
        }
        open.addLast(second);
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

  /**
   * Two zones linked to one network, the first before the second in canonical order, overlap:
   * reported on the second zone's link to the network, the one Azure refuses.
   */
  private static void overlap(ResourceId network, PrivateDnsZone first, PrivateDnsZone second, List<Finding> out) {
    ZoneName a = first.name();
    ZoneName b = second.name();
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
            a.equals(b)
                ? "Virtual network " + network.name() + " is linked to two zones named " + a + " (" + first.id() + " and "
                    + second.id() + "); Azure refuses the second link: a virtual network cannot be linked to multiple zones with"
                    + " overlapping namespaces. Names in them resolve to an undecided answer here."
                : "Virtual network " + network.name() + " is linked to zones " + a + " (" + first.id() + ") and " + b
                    + ", whose namespaces overlap; Azure refuses this link: a virtual network cannot be linked to multiple zones with"
                    + " overlapping namespaces. Here the more specific zone answers for its names."));
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
      List<String> failing = new ArrayList<>();
      Resolution firstFailure = null;
      Optional<String> undecided = Optional.empty();
      boolean decided = false;
      for (Map.Entry<DnsName, DnsName> e : names.entrySet()) {
        Resolution r = resolver.resolveThrough(d, e.getKey());
        if (!askedOfAzureDns(r, e.getValue())) {
          Optional<String> u =
              r.steps().stream()
                  .filter(st -> st instanceof DnsStep.Undecided)
                  .map(st -> ((DnsStep.Undecided) st).subject() + ": " + ((DnsStep.Undecided) st).why())
                  .findFirst()
                  .or(() -> endpointsUnseen(estate, e.getKey()));
          failing.add(e.getKey() + " (private name " + e.getValue() + ")");
          if (firstFailure == null || (u.isEmpty() && !decided)) {
            firstFailure = r;
            undecided = u;
          }
          decided |= u.isEmpty();
        }
      }
      if (failing.isEmpty()) {
        continue;
      }
      Finding f =
          Finding.of(
              FindingCode.CUSTOM_DNS_NOT_FORWARDING_TO_AZURE,
              d.id(),
              "forwarders",
              ZoneName.POSTGRES,
              "DNS server "
                  + d.name()
                  + " does not send the private names of "
                  + names(failing)
                  + " to Azure-provided DNS ("
                  + Resolver.AZURE_PROVIDED_DNS
                  + ") from inside a virtual network, directly or through other servers, so the private zones cannot answer them. Asked for "
                  + firstFailure.name()
                  + ", it ends with: "
                  + firstFailure.lastStep().reason()
                  + " Forward "
                  + ZoneName.POSTGRES
                  + " to "
                  + Resolver.AZURE_PROVIDED_DNS
                  + " from a server in a virtual network, or to a Private Resolver inbound endpoint.");
      // Where every chain stops at something the input does not show, they may still reach Azure DNS.
      out.add(decided ? f : f.notInInput(undecided.get()));
    }
  }

  /** Host names for a sentence: all of up to three, else the first three and how many more. */
  private static String names(List<String> failing) {
    String list = String.join(", ", failing.subList(0, Math.min(3, failing.size())));
    return failing.size() <= 3 ? list : list + " and " + (failing.size() - 3) + " more servers";
  }

  /**
   * Why the answers for a server reached through private endpoints may not all be in the input:
   * its private endpoint connections are not observed in full (an endpoint not in the input, and
   * the networks and records it brings, may change where its private name is answered).
   */
  private static Optional<String> endpointsUnseen(DnsEstate estate, DnsName host) {
    return ServerName.tryParse(host.firstLabel())
        .flatMap(estate.network()::flexibleServer)
        .filter(s -> !s.isVnetIntegrated() && !estate.network().coverage().isComplete(Inventory.PRIVATE_ENDPOINT_CONNECTIONS, s.id()))
        .map(s -> Inventory.PRIVATE_ENDPOINT_CONNECTIONS.of(s.name().toString()) + " are not all observed");
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

  private static void recordsOutsideSubnet(DnsEstate estate, Index index, Resolver resolver, List<Finding> out) {
    Network network = estate.network();
    for (FlexibleServer s : network.flexibleServers()) {
      if (!s.isVnetIntegrated() || s.privateDnsZone().isEmpty()) {
        continue;
      }
      Optional<Subnet> delegated = network.subnet(s.delegatedSubnet().get());
      if (delegated.isEmpty()) {
        continue; // outside the input: which addresses are the server's is not known
      }
      Subnet subnet = delegated.get();
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
                        serverRecordAddress(index, s, subnet).isPresent()
                            ? "; the records inside the subnet answer."
                            : "; the server's address is unknown, so its name gets an unknown answer.")));
      }
    }
  }

  /** The lowest address of an A record at a VNet-integrated server's name in its zone that lies in its delegated subnet. */
  private static Optional<Ipv4Address> serverRecordAddress(Index index, FlexibleServer s, Subnet subnet) {
    PrivateDnsZone zone = index.zones.get(s.privateDnsZone().get());
    if (zone == null) {
      return Optional.empty();
    }
    RecordName name = RecordName.parse(s.name().toString());
    return zone.recordsAt(name).stream()
        .filter(r -> r instanceof DnsRecord.A)
        .map(r -> ((DnsRecord.A) r).address())
        .filter(subnet.addressPrefix()::contains)
        .min(Comparator.naturalOrder());
  }

  // ---------------------------------------------------------------- peered networks

  /**
   * A network that routes to a VNet-integrated server but is not linked to its zone. Reachability
   * here means what {@code connect} means by routing: the packet arrives in the server's own
   * network, not merely somewhere (a network whose space overlaps the server's arrives in itself).
   *
   * <p>Cost: each subnet's effective routes that can lead into another network (next hop a peering,
   * a gateway or an appliance) are indexed by prefix once; for each server, the candidate subnets
   * are found by one lookup per prefix length, and only they are routed. O(n log n) for estates
   * whose networks peer sparsely (hub and spoke); a route such as {@code 0.0.0.0/0} to an appliance
   * in every network makes every network a candidate for every server.
   */
  private static void zoneLinksNeeded(DnsEstate estate, Index index, Resolver resolver, Reachability routing, List<Finding> out) {
    Network network = estate.network();
    Coverage coverage = network.coverage();
    RouteIndex candidates = new RouteIndex();
    for (VirtualNetwork v : network.virtualNetworks()) {
      if (!v.usesAzureProvidedDns()) {
        continue;
      }
      for (Subnet sub : v.subnets()) {
        for (dev.pgreach.core.EffectiveRoute r : routing.effectiveRoutes(sub.id())) {
          if (r.nextHopType() == NextHopType.VNET_PEERING
              || r.nextHopType() == NextHopType.VIRTUAL_NETWORK_GATEWAY
              || r.nextHopType() == NextHopType.VIRTUAL_APPLIANCE) {
            candidates.add(r.addressPrefix(), sub);
          }
        }
      }
    }
    Map<ResourceId, Set<ResourceId>> linked = new HashMap<>();
    for (FlexibleServer s : network.flexibleServers()) {
      if (!s.isVnetIntegrated() || s.privateDnsZone().isEmpty()) {
        continue;
      }
      Optional<Subnet> held = network.subnet(s.delegatedSubnet().get());
      if (held.isEmpty()) {
        continue; // outside the input: where the server is, is not known
      }
      ResourceId zoneId = s.privateDnsZone().get();
      Subnet delegated = held.get();
      ResourceId home = delegated.virtualNetwork();
      // Where the server is: its address, else its record in the zone, else any host of its subnet
      // (routing to a subnet does not depend on the host).
      Optional<Ipv4Address> known = s.privateAddress().or(() -> serverRecordAddress(index, s, delegated));
      Ipv4Address target = known.orElse(probeAddress(delegated.addressPrefix()));
      String where =
          known.map(a -> " at " + a).orElse(" in its subnet " + delegated.name() + " (" + delegated.addressPrefix() + "; its address is not known)");
      Map<ResourceId, List<Subnet>> byNetwork = new TreeMap<>();
      for (Subnet sub : candidates.containing(target)) {
        if (!sub.virtualNetwork().equals(home)) {
          byNetwork.computeIfAbsent(sub.virtualNetwork(), k -> new ArrayList<>()).add(sub);
        }
      }
      for (Map.Entry<ResourceId, List<Subnet>> e : byNetwork.entrySet()) {
        VirtualNetwork v = network.virtualNetwork(e.getKey()).orElseThrow();
        Set<ResourceId> zones =
            linked.computeIfAbsent(v.id(), k -> resolver.linkedZones(k).stream().map(z -> z.zone).collect(Collectors.toSet()));
        if (zones.contains(zoneId)) {
          continue;
        }
        List<Subnet> subnets = e.getValue();
        subnets.sort(Comparator.comparing(Subnet::id));
        Optional<Subnet> reaching =
            subnets.stream()
                .filter(sub -> arrivesIn(routing.route(ClientLocation.InVirtualNetwork.of(sub.id(), probeAddress(sub.addressPrefix())), target), home))
                .findFirst();
        if (reaching.isPresent()) {
          Finding f =
              Finding.of(
                  FindingCode.VIRTUAL_NETWORK_NEEDS_ZONE_LINK,
                  v.id(),
                  "virtualNetworkLinks",
                  zoneId.name(),
                  "Hosts in subnet "
                      + reaching.get().name()
                      + " of "
                      + v.name()
                      + " are routed to server "
                      + s.name()
                      + where
                      + " in "
                      + home.name()
                      + ", but cannot resolve its name: peering and private DNS are independent. Link zone "
                      + zoneId.name()
                      + " to "
                      + v.name()
                      + ".");
          Optional<String> unseen = unseenLink(index, coverage, zoneId, v.id());
          out.add(unseen.isEmpty() ? f : f.notInInput(unseen.get()));
        }
      }
    }
  }

  /** Whether a path arrives in a virtual network. */
  private static boolean arrivesIn(Path path, ResourceId virtualNetwork) {
    return path.arrival().map(a -> a.place().equals(new Place.Vnet(virtualNetwork))).orElse(false);
  }

  /** Subnets by the prefixes of their routes, for "which subnets have a route containing this address". */
  private static final class RouteIndex {
    private final List<Map<Long, Set<Subnet>>> byLength = new ArrayList<>();

    RouteIndex() {
      for (int i = 0; i <= 32; i++) {
        byLength.add(new HashMap<>());
      }
    }

    void add(Ipv4Prefix prefix, Subnet subnet) {
      byLength.get(prefix.length()).computeIfAbsent(prefix.first().toLong(), k -> new java.util.LinkedHashSet<>()).add(subnet);
    }

    /** The subnets with a route whose prefix contains the address: one lookup per prefix length. */
    Set<Subnet> containing(Ipv4Address address) {
      Set<Subnet> out = new java.util.LinkedHashSet<>();
      long a = address.toLong();
      for (int length = 0; length <= 32; length++) {
        Map<Long, Set<Subnet>> m = byLength.get(length);
        if (m.isEmpty()) {
          continue;
        }
        long mask = length == 0 ? 0 : (0xFFFFFFFFL << (32 - length)) & 0xFFFFFFFFL;
        Set<Subnet> found = m.get(a & mask);
        if (found != null) {
          out.addAll(found);
        }
      }
      return out;
    }
  }

  /** A host address inside a prefix for probing: the first usable one Azure would give, or the first. */
  private static Ipv4Address probeAddress(Ipv4Prefix prefix) {
    return prefix.size() > Subnet.RESERVED_ADDRESS_COUNT - 1
        ? Ipv4Address.ofLong(prefix.first().toLong() + Subnet.RESERVED_ADDRESS_COUNT - 1)
        : prefix.first();
  }
}
