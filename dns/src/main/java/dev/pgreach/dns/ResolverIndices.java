package dev.pgreach.dns;

import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.Network;
import dev.pgreach.core.Place;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Subnet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.Optional;

/**
 * What a {@link Resolver} indexes once, when it is created: each zone's records (with the A
 * records Azure keeps for VNet-integrated servers), the zones linked to each network (most specific
 * first, with the networks linked to two zones of one name), and the DNS servers by place and
 * address.
 */
final class ResolverIndices {
  final ImmutableMap<ResourceId, ZoneTable> tables;
  final ImmutableListMultimap<ResourceId, Resolver.LinkedZone> linkedZones;
  final ImmutableMap<Place, ImmutableMap<Ipv4Address, DnsServer>> serversAt;
  /** Networks linked to two zones of one name, as {@code network|zone name}: which link exists is not known. */
  final Set<String> conflicted = new HashSet<>();
  /** The networks in {@link #conflicted}. */
  final Set<ResourceId> conflictedNetworks = new HashSet<>();

  private final DnsEstate estate;
  private final Network network;
  private final Function<ClientLocation, Place> place;

  ResolverIndices(DnsEstate estate, Function<ClientLocation, Place> place) {
    this.estate = estate;
    this.network = estate.network();
    this.place = place;
    this.tables = buildTables();
    this.linkedZones = buildLinkedZones();
    this.serversAt = buildServersAt();
  }

  private ImmutableMap<ResourceId, ZoneTable> buildTables() {
    Map<ResourceId, ZoneTable.Builder> builders = new TreeMap<>();
    for (PrivateDnsZone z : estate.privateDnsZones()) {
      ZoneTable.Builder b = new ZoneTable.Builder();
      z.records().forEach(b::add);
      builders.put(z.id(), b);
    }
    List<FlexibleServer> servers = new ArrayList<>(network.flexibleServers());
    servers.sort(Comparator.comparing(FlexibleServer::id));
    for (FlexibleServer s : servers) {
      if (s.isVnetIntegrated() && s.privateDnsZone().isPresent()) {
        ZoneTable.Builder b = builders.get(s.privateDnsZone().get());
        Optional<Subnet> subnet = network.subnet(s.delegatedSubnet().get());
        if (b != null && (subnet.isPresent() || network.coverage().isOutsideInput(s.delegatedSubnet().get()))) {
          // A subnet outside the input: every listed record may be the server's.
          Ipv4Prefix within = subnet.map(Subnet::addressPrefix).orElse(Ipv4Prefix.ALL);
          b.addServerRecord(RecordName.parse(s.name().toString()), s.privateAddress(), s.id(), within);
        }
      }
    }
    ImmutableMap.Builder<ResourceId, ZoneTable> out = ImmutableMap.builder();
    builders.forEach((id, b) -> out.put(id, b.build()));
    return out.build();
  }

  private ImmutableListMultimap<ResourceId, Resolver.LinkedZone> buildLinkedZones() {
    Map<ResourceId, List<Resolver.LinkedZone>> byNetwork = new TreeMap<>();
    for (PrivateDnsZone z : estate.privateDnsZones()) {
      Map<ResourceId, VirtualNetworkLink> chosen = new HashMap<>();
      for (VirtualNetworkLink l : z.virtualNetworkLinks()) {
        chosen.merge(l.virtualNetwork(), l, ResolverIndices::failClosedLink);
      }
      chosen.forEach((vnet, link) -> byNetwork.computeIfAbsent(vnet, k -> new ArrayList<>()).add(new Resolver.LinkedZone(z.id(), z.name(), link)));
    }
    byNetwork.forEach(
        (vnet, zones) -> {
          Set<ZoneName> names = new HashSet<>();
          for (Resolver.LinkedZone z : zones) {
            if (!names.add(z.name)) {
              conflicted.add(vnet + "|" + z.name);
              conflictedNetworks.add(vnet);
            }
          }
        });
    ImmutableListMultimap.Builder<ResourceId, Resolver.LinkedZone> out = ImmutableListMultimap.builder();
    byNetwork.forEach(
        (vnet, zones) -> {
          zones.sort(
              Comparator.comparingInt((Resolver.LinkedZone z) -> -z.name.dnsName().labelCount()).thenComparing(z -> z.zone));
          out.putAll(vnet, zones);
        });
    return out.build();
  }

  /**
   * Of two links from one zone to one network (which Azure refuses), keeps the one that answers
   * less: a Default policy over NxDomainRedirect, then the smaller id.
   */
  private static VirtualNetworkLink failClosedLink(VirtualNetworkLink a, VirtualNetworkLink b) {
    boolean aDefault = a.resolutionPolicy() == ResolutionPolicy.DEFAULT;
    boolean bDefault = b.resolutionPolicy() == ResolutionPolicy.DEFAULT;
    if (aDefault != bDefault) {
      return aDefault ? a : b;
    }
    return a.id().compareTo(b.id()) <= 0 ? a : b;
  }

  private ImmutableMap<Place, ImmutableMap<Ipv4Address, DnsServer>> buildServersAt() {
    Map<Place, Map<Ipv4Address, DnsServer>> at = new HashMap<>();
    for (DnsServer s : estate.dnsServers()) {
      at.computeIfAbsent(place.apply(s.location()), k -> new HashMap<>()).put(s.address(), s);
    }
    ImmutableMap.Builder<Place, ImmutableMap<Ipv4Address, DnsServer>> out = ImmutableMap.builder();
    at.forEach((p, m) -> out.put(p, ImmutableMap.copyOf(m)));
    return out.build();
  }
}
