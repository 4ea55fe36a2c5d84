package dev.pgreach.privatelink;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Range;
import dev.pgreach.core.NetworkInterface;
import dev.pgreach.core.Reachability;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.firewall.NetworkSecurityGroup;
import dev.pgreach.firewall.SecurityRule;
import dev.pgreach.firewall.SecurityRuleAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The equivalence classes of source addresses for exposure: the points where some rule's answer
 * may change. Every address between two consecutive cuts is treated alike by every network
 * security group of the estate.
 */
final class ExposureCuts {
  private static final AddressSet PRIVATE = AddressSet.parse("10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10");

  private ExposureCuts() {}

  /**
   * Returns the sorted cut points (first addresses of classes), as unsigned values.
   *
   * <p>O(R + T log T) for R rule addresses and T cut points: the {@code VirtualNetwork} and {@code
   * Internet} tags' ranges are added once, however many rules name them.
   */
  static long[] of(Estate estate, Reachability reachability) {
    TreeSet<Long> cuts = new TreeSet<>();
    boolean networkTags = false;
    for (NetworkSecurityGroup g : estate.networkSecurityGroups()) {
      for (SecurityRule r : g.securityRules()) {
        for (SecurityRuleAddress a : r.sourceAddressPrefixes()) {
          if (a instanceof SecurityRuleAddress.Prefix) {
            add(cuts, ((SecurityRuleAddress.Prefix) a).prefix().toRange());
          } else if (a instanceof SecurityRuleAddress.Range) {
            add(cuts, ((SecurityRuleAddress.Range) a).range());
          } else if (a instanceof SecurityRuleAddress.ServiceTag) {
            String tag = ((SecurityRuleAddress.ServiceTag) a).name().toLowerCase(Locale.ROOT);
            if (tag.equals("virtualnetwork") || tag.equals("internet")) {
              networkTags = true;
            } else if (tag.equals("azureloadbalancer")) {
              add(cuts, Ipv4Range.single(Ipv4Address.parse("168.63.129.16")));
            } else {
              estate.serviceTagRanges().entrySet().stream()
                  .filter(e -> e.getKey().equalsIgnoreCase(tag))
                  .forEach(e -> e.getValue().ranges().forEach(x -> add(cuts, x)));
            }
          }
        }
      }
    }
    if (networkTags) {
      for (VirtualNetwork v : estate.network().virtualNetworks()) {
        reachability.virtualNetworkServiceTag(v.id()).ranges().forEach(x -> add(cuts, x));
      }
      PRIVATE.ranges().forEach(x -> add(cuts, x));
    }
    for (NetworkInterface n : estate.network().networkInterfaces()) {
      add(cuts, Ipv4Range.single(n.privateAddress()));
    }
    return cuts.stream().mapToLong(Long::longValue).toArray();
  }

  private static void add(TreeSet<Long> cuts, Ipv4Range r) {
    cuts.add(r.first().toLong());
    cuts.add(r.last().toLong() + 1);
  }

  /** Splits a set into ranges at the cut points. */
  static List<Ipv4Range> split(AddressSet set, long[] cuts) {
    List<Ipv4Range> out = new ArrayList<>();
    for (Ipv4Range r : set.ranges()) {
      long start = r.first().toLong();
      long end = r.last().toLong();
      int i = Arrays.binarySearch(cuts, start + 1);
      i = i < 0 ? -i - 1 : i;
      while (start <= end) {
        long next = i < cuts.length ? Math.min(cuts[i], end + 1) : end + 1;
        if (next <= start) {
          i++;
          continue;
        }
        out.add(Ipv4Range.of(Ipv4Address.ofLong(start), Ipv4Address.ofLong(next - 1)));
        start = next;
        i++;
      }
    }
    return out;
  }
}
