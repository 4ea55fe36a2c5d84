package dev.pgreach.firewall;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.ResourceId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A straightforward priority-ordered scan of security rules, matching each entry directly against
 * the flow, for property tests to hold {@link NetworkSecurity} to. It reports, per step, {@code
 * code|group|rule} and whether the scan denied or left the flow undecided.
 *
 * <p>The tags of the place are given as two sets: {@code subnetTag}, the VirtualNetwork tag of the
 * subnet, and {@code networkTag}, the tag of its network alone (the part certainly outside the
 * Internet tag). Internet is then: no inside {@code networkTag}; maybe for private addresses and
 * for the rest of {@code subnetTag}; yes elsewhere.
 */
final class ReferenceSecurity {
  private ReferenceSecurity() {}

  enum Match {
    NO,
    MAYBE,
    YES
  }

  /** The outcome of one group: its trace lines, whether it denied, whether a deny was undecided. */
  record Outcome(List<String> trace, boolean denied, boolean undecided) {}

  static Outcome scan(NetworkSecurityGroup g, SecurityRuleDirection direction, Flow f, AddressSet subnetTag, AddressSet networkTag, Map<String, AddressSet> supplied) {
    List<SecurityRule> rules = new ArrayList<>();
    for (SecurityRule r : g.securityRules()) {
      if (r.direction() == direction) {
        rules.add(r);
      }
    }
    for (SecurityRule r : NetworkSecurityGroup.DEFAULT_SECURITY_RULES) {
      if (r.direction() == direction) {
        rules.add(r);
      }
    }
    rules.sort(Comparator.comparingInt(SecurityRule::priority));
    List<String> trace = new ArrayList<>();
    boolean undecided = false;
    for (SecurityRule r : rules) {
      Match m = match(r, f, subnetTag, networkTag, supplied);
      if (m == Match.YES) {
        boolean deny = r.access() == SecurityRuleAccess.DENY;
        trace.add((deny ? "NSG_RULE_DENIED|" : "NSG_RULE_ALLOWED|") + g.name() + "|" + r.name());
        return new Outcome(trace, deny, undecided);
      }
      if (m == Match.MAYBE) {
        trace.add("NSG_RULE_UNDECIDED|" + g.name() + "|" + r.name());
        undecided |= r.access() == SecurityRuleAccess.DENY;
      }
    }
    throw new AssertionError("no rule matched");
  }

  static Match match(SecurityRule r, Flow f, AddressSet subnetTag, AddressSet networkTag, Map<String, AddressSet> supplied) {
    if (r.protocol() != SecurityRuleProtocol.ANY && r.protocol() != f.protocol()) {
      return Match.NO;
    }
    Match result = Match.YES;
    boolean ported = f.protocol() == SecurityRuleProtocol.TCP || f.protocol() == SecurityRuleProtocol.UDP;
    if (ported) {
      if (r.destinationPortRanges().stream().noneMatch(p -> p.first() <= f.destinationPort() && f.destinationPort() <= p.last())) {
        return Match.NO;
      }
      if (f.sourcePort().isPresent()) {
        int sp = f.sourcePort().getAsInt();
        if (r.sourcePortRanges().stream().noneMatch(p -> p.first() <= sp && sp <= p.last())) {
          return Match.NO;
        }
      } else if (r.sourcePortRanges().stream().noneMatch(p -> p.first() == 0 && p.last() == 65535)) {
        result = Match.MAYBE;
      }
    }
    Match source = side(r.sourceAddressPrefixes(), r.sourceApplicationSecurityGroups(), f.source(), subnetTag, networkTag, supplied);
    Match destination = side(r.destinationAddressPrefixes(), r.destinationApplicationSecurityGroups(), f.destination(), subnetTag, networkTag, supplied);
    if (source == Match.NO || destination == Match.NO) {
      return Match.NO;
    }
    if (source == Match.MAYBE || destination == Match.MAYBE) {
      return Match.MAYBE;
    }
    return result;
  }

  private static Match side(List<SecurityRuleAddress> entries, List<ResourceId> groups, Ipv4Address x, AddressSet subnetTag, AddressSet networkTag, Map<String, AddressSet> supplied) {
    if (!groups.isEmpty()) {
      return Match.MAYBE;
    }
    Match best = Match.NO;
    for (SecurityRuleAddress a : entries) {
      Match m = entry(a, x, subnetTag, networkTag, supplied);
      if (m.compareTo(best) > 0) {
        best = m;
      }
    }
    return best;
  }

  private static Match entry(SecurityRuleAddress a, Ipv4Address x, AddressSet subnetTag, AddressSet networkTag, Map<String, AddressSet> supplied) {
    if (a instanceof SecurityRuleAddress.Any) {
      return Match.YES;
    }
    if (a instanceof SecurityRuleAddress.Prefix) {
      return ((SecurityRuleAddress.Prefix) a).prefix().contains(x) ? Match.YES : Match.NO;
    }
    if (a instanceof SecurityRuleAddress.Range) {
      return ((SecurityRuleAddress.Range) a).range().contains(x) ? Match.YES : Match.NO;
    }
    String tag = ((SecurityRuleAddress.ServiceTag) a).name();
    switch (tag.toLowerCase(Locale.ROOT)) {
      case "virtualnetwork":
        return subnetTag.contains(x) ? Match.YES : Match.NO;
      case "azureloadbalancer":
        return x.equals(Ipv4Address.parse("168.63.129.16")) ? Match.YES : Match.NO;
      case "internet":
        return networkTag.contains(x) ? Match.NO : x.isPrivate() || subnetTag.contains(x) ? Match.MAYBE : Match.YES;
      default:
        for (Map.Entry<String, AddressSet> e : supplied.entrySet()) {
          if (e.getKey().equalsIgnoreCase(tag)) {
            return e.getValue().contains(x) ? Match.YES : Match.NO;
          }
        }
        return Match.MAYBE;
    }
  }
}
