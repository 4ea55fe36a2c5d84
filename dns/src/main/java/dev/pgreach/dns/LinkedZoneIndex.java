package dev.pgreach.dns;

import com.google.common.collect.ImmutableListMultimap;
import java.util.HashMap;
import java.util.Map;
import dev.pgreach.core.ResourceId;

/**
 * The zones linked to each virtual network, keyed by zone name, so that the zone answering for a
 * name is found by walking the name's suffixes (at most one hash lookup per label) instead of
 * testing every linked zone.
 *
 * <p>It gives the zone the ordered scan gives: the longest zone name holding the name, and of
 * zones with one name (which Azure refuses) the first in the scan's order.
 */
final class LinkedZoneIndex {
  private final Map<ResourceId, Map<String, Resolver.LinkedZone>> byNetwork = new HashMap<>();

  /**
   * Indexes linked zones.
   *
   * @param linkedZones each network's zones, longest name first, then by zone id
   */
  LinkedZoneIndex(ImmutableListMultimap<ResourceId, Resolver.LinkedZone> linkedZones) {
    linkedZones.forEach((vnet, zone) -> byNetwork.computeIfAbsent(vnet, k -> new HashMap<>()).putIfAbsent(zone.name.dnsName().toString(), zone));
  }

  /** The linked zone of a network that answers for a name, or null. */
  Resolver.LinkedZone find(ResourceId virtualNetwork, DnsName name) {
    Map<String, Resolver.LinkedZone> zones = byNetwork.get(virtualNetwork);
    if (zones == null) {
      return null;
    }
    String suffix = name.toString();
    while (true) {
      Resolver.LinkedZone z = zones.get(suffix);
      if (z != null) {
        return z;
      }
      int dot = suffix.indexOf('.');
      if (dot < 0) {
        return null;
      }
      suffix = suffix.substring(dot + 1);
    }
  }
}
