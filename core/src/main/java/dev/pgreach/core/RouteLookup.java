package dev.pgreach.core;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A subnet's routes in order of preference. Small tables are scanned (the first route that holds
 * the address is the best); larger ones are bucketed by prefix length, probing only the lengths
 * present, longest first.
 */
final class RouteLookup {
  private static final int SCAN_LIMIT = 32;

  /** Longest prefix first, then by source, a None next hop last, then by the route's target and name. */
  private static final Comparator<EffectiveRoute> PREFERENCE =
      Comparator.comparing((EffectiveRoute r) -> -r.addressPrefix().length())
          .thenComparing(EffectiveRoute::source)
          .thenComparing(r -> r.nextHopType() == NextHopType.NONE ? 1 : 0)
          .thenComparing(r -> r.via().map(ResourceId::toString).orElse(""))
          .thenComparing(EffectiveRoute::name);

  private final Network network;

  private final ImmutableList<EffectiveRoute> all;
  private final int[] lengths;
  private final List<Map<Integer, EffectiveRoute>> byLength = new ArrayList<>(33);

  RouteLookup(Network network, ImmutableList<EffectiveRoute> user, ImmutableList<EffectiveRoute> system) {
    this.network = network;
    List<EffectiveRoute> routes = new ArrayList<>(user);
    routes.addAll(system);
    routes.sort(PREFERENCE);
    this.all = ImmutableList.copyOf(routes);
    for (int i = 0; i <= 32; i++) {
      byLength.add(new HashMap<>());
    }
    // The first route per prefix is the preferred one, since the list is sorted.
    for (EffectiveRoute r : all) {
      byLength.get(r.addressPrefix().length()).putIfAbsent(r.addressPrefix().network().toBits(), r);
    }
    this.lengths = all.stream().mapToInt(r -> r.addressPrefix().length()).distinct().toArray();
  }

  ImmutableList<EffectiveRoute> all() {
    return all;
  }

  /** Every route whose prefix holds the address, in order of preference. */
  List<EffectiveRoute> matching(Ipv4Address a) {
    List<EffectiveRoute> out = new ArrayList<>();
    for (EffectiveRoute r : all) {
      if (r.addressPrefix().contains(a)) {
        out.add(r);
      }
    }
    return out;
  }

  /** The most preferred route holding the address, before the special cases. */
  private EffectiveRoute first(Ipv4Address a) {
    if (all.size() <= SCAN_LIMIT) {
      for (EffectiveRoute r : all) {
        if (r.addressPrefix().contains(a)) {
          return r;
        }
      }
    } else {
      for (int len : lengths) {
        EffectiveRoute r = byLength.get(len).get(a.toBits() & Ipv4Prefix.mask(len));
        if (r != null) {
          return r;
        }
      }
    }
    throw new IllegalStateException("0.0.0.0/0 always matches");
  }

  EffectiveRoute select(Ipv4Address a) {
    EffectiveRoute best = first(a);
    if (best.source() != RouteSource.PRIVATE_ENDPOINT
        && best.source() != RouteSource.VIRTUAL_NETWORK_GATEWAY
        && best.addressPrefix().length() < 32) {
      return best; // the common case: no endpoint /32 can tie with it and no gateway route is in the way
    }
    List<EffectiveRoute> candidates = matching(a);
    Optional<EffectiveRoute> endpoint =
        candidates.stream().filter(r -> r.source() == RouteSource.PRIVATE_ENDPOINT).findFirst();
    if (endpoint.isPresent()) {
      // A private endpoint's /32 is overridden only by a user route at least as specific as the
      // endpoint network's prefix, and only when the endpoint subnet applies route tables.
      ResourceId endpointSubnet = endpoint.get().via().orElseThrow();
      Subnet s = network.subnet(endpointSubnet).orElseThrow();
      if (s.privateEndpointNetworkPolicies().appliesRouteTable()) {
        int vnetLength =
            network.virtualNetworkOf(endpointSubnet).addressSpace().stream()
                .filter(p -> p.contains(a))
                .mapToInt(Ipv4Prefix::length)
                .findFirst()
                .orElse(32);
        for (EffectiveRoute r : candidates) {
          if (r.source() == RouteSource.USER && r.addressPrefix().length() >= vnetLength) {
            return r;
          }
        }
      }
      return endpoint.get();
    }
    if (best.source() == RouteSource.VIRTUAL_NETWORK_GATEWAY
        && candidates.stream().anyMatch(r -> r.source() == RouteSource.VIRTUAL_NETWORK || r.source() == RouteSource.PEERING)) {
      // The network's own and peered space win over gateway-learned routes, however specific:
      // the gateway route is set aside and the longest of the others wins.
      return candidates.stream().filter(r -> r.source() != RouteSource.VIRTUAL_NETWORK_GATEWAY).findFirst().orElseThrow();
    }
    return best;
  }
}
