package dev.pgreach.firewall;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Range;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of flows that is a product of five sets: source addresses, destination addresses,
 * protocols (a bit mask), source ports and destination ports. Ports are kept as address sets
 * over {@code 0.0.0.0–0.0.255.255}, so the same interval algebra serves both.
 *
 * <p>A rule's traffic is a union of boxes; subtracting boxes from boxes answers "is every flow of
 * this rule decided by those rules?" without enumerating flows.
 */
final class FlowBox {
  static final int TCP = 1;
  static final int UDP = 2;
  static final int PORTED = TCP | UDP;
  static final int PORTLESS = 4 | 8 | 16;
  static final int ALL_PROTOCOLS = PORTED | PORTLESS;
  static final AddressSet ALL_PORTS = ports(PortRange.ANY);

  final AddressSet sources;
  final AddressSet destinations;
  final int protocols;
  final AddressSet sourcePorts;
  final AddressSet destinationPorts;

  FlowBox(AddressSet sources, AddressSet destinations, int protocols, AddressSet sourcePorts, AddressSet destinationPorts) {
    this.sources = sources;
    this.destinations = destinations;
    this.protocols = protocols;
    this.sourcePorts = sourcePorts;
    this.destinationPorts = destinationPorts;
  }

  static AddressSet ports(PortRange r) {
    return AddressSet.of(Ipv4Range.of(Ipv4Address.ofLong(r.first()), Ipv4Address.ofLong(r.last())));
  }

  static AddressSet ports(Iterable<PortRange> ranges) {
    AddressSet.Builder b = AddressSet.builder();
    for (PortRange r : ranges) {
      b.add(Ipv4Range.of(Ipv4Address.ofLong(r.first()), Ipv4Address.ofLong(r.last())));
    }
    return b.build();
  }

  static int bit(SecurityRuleProtocol p) {
    switch (p) {
      case TCP:
        return TCP;
      case UDP:
        return UDP;
      case ICMP:
        return 4;
      case ESP:
        return 8;
      case AH:
        return 16;
      default:
        return ALL_PROTOCOLS;
    }
  }

  /**
   * The boxes of a rule-like match: ports constrain TCP and UDP only, so a match on several
   * protocols is up to two boxes.
   */
  static List<FlowBox> of(AddressSet sources, AddressSet destinations, int protocols, AddressSet sourcePorts, AddressSet destinationPorts) {
    List<FlowBox> out = new ArrayList<>(2);
    add(out, new FlowBox(sources, destinations, protocols & PORTED, sourcePorts, destinationPorts));
    add(out, new FlowBox(sources, destinations, protocols & PORTLESS, ALL_PORTS, ALL_PORTS));
    return out;
  }

  boolean isEmpty() {
    return sources.isEmpty() || destinations.isEmpty() || protocols == 0 || sourcePorts.isEmpty() || destinationPorts.isEmpty();
  }

  /** Tells whether this box and the other share a flow. */
  boolean intersects(FlowBox o) {
    return (protocols & o.protocols) != 0
        && sources.intersects(o.sources)
        && destinations.intersects(o.destinations)
        && sourcePorts.intersects(o.sourcePorts)
        && destinationPorts.intersects(o.destinationPorts);
  }

  /** Appends the flows of this box that are not in {@code o}, as disjoint boxes. */
  void minus(FlowBox o, List<FlowBox> out) {
    if (!intersects(o)) {
      out.add(this);
      return;
    }
    AddressSet s = sources.intersection(o.sources);
    AddressSet d = destinations.intersection(o.destinations);
    int p = protocols & o.protocols;
    AddressSet sp = sourcePorts.intersection(o.sourcePorts);
    add(out, new FlowBox(sources.difference(o.sources), destinations, protocols, sourcePorts, destinationPorts));
    add(out, new FlowBox(s, destinations.difference(o.destinations), protocols, sourcePorts, destinationPorts));
    add(out, new FlowBox(s, d, protocols & ~o.protocols, sourcePorts, destinationPorts));
    add(out, new FlowBox(s, d, p, sourcePorts.difference(o.sourcePorts), destinationPorts));
    add(out, new FlowBox(s, d, p, sp, destinationPorts.difference(o.destinationPorts)));
  }

  private static void add(List<FlowBox> out, FlowBox b) {
    if (!b.isEmpty()) {
      out.add(b);
    }
  }

  /**
   * Subtracts {@code cut} from every box of {@code region}; returns null when the result would
   * exceed {@code limit} boxes.
   */
  static List<FlowBox> subtract(List<FlowBox> region, List<FlowBox> cut, int limit) {
    List<FlowBox> current = region;
    for (FlowBox c : cut) {
      List<FlowBox> next = new ArrayList<>();
      for (FlowBox b : current) {
        b.minus(c, next);
      }
      if (next.size() > limit) {
        return null;
      }
      current = next;
      if (current.isEmpty()) {
        break;
      }
    }
    return current;
  }

  /** Tells whether some box of {@code a} shares a flow with some box of {@code b}. */
  static boolean intersects(List<FlowBox> a, List<FlowBox> b) {
    for (FlowBox x : a) {
      for (FlowBox y : b) {
        if (x.intersects(y)) {
          return true;
        }
      }
    }
    return false;
  }
}
