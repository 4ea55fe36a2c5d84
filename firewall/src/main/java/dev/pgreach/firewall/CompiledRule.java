package dev.pgreach.firewall;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.ResourceId;
import java.util.ArrayList;
import java.util.List;

/** A security rule with its addresses resolved in one place: what it certainly and possibly matches. */
final class CompiledRule {
  final SecurityRule rule;
  final AddressSet sourcesYes;
  final AddressSet sourcesMaybe;
  final AddressSet destinationsYes;
  final AddressSet destinationsMaybe;
  final int protocols;
  final AddressSet sourcePorts;
  final AddressSet destinationPorts;
  final boolean anySourcePort;
  private final String sourceDoubt;
  private final String destinationDoubt;

  CompiledRule(SecurityRule rule, TagTable tags) {
    this.rule = rule;
    Side source = new Side(rule.sourceAddressPrefixes(), rule.sourceApplicationSecurityGroups(), tags, "source");
    Side destination = new Side(rule.destinationAddressPrefixes(), rule.destinationApplicationSecurityGroups(), tags, "destination");
    this.sourcesYes = source.yes;
    this.sourcesMaybe = source.maybe;
    this.sourceDoubt = source.doubt;
    this.destinationsYes = destination.yes;
    this.destinationsMaybe = destination.maybe;
    this.destinationDoubt = destination.doubt;
    this.protocols = FlowBox.bit(rule.protocol());
    this.sourcePorts = FlowBox.ports(rule.sourcePortRanges());
    this.destinationPorts = FlowBox.ports(rule.destinationPortRanges());
    this.anySourcePort = sourcePorts.equals(FlowBox.ALL_PORTS);
  }

  /** Resolves one side's entries: union of what each certainly covers, and what each may cover. */
  private static final class Side {
    final AddressSet yes;
    final AddressSet maybe;
    final String doubt;

    Side(List<SecurityRuleAddress> prefixes, List<ResourceId> groups, TagTable tags, String side) {
      AddressSet.Builder y = AddressSet.builder();
      AddressSet.Builder m = AddressSet.builder();
      List<String> doubts = new ArrayList<>();
      for (SecurityRuleAddress a : prefixes) {
        y.add(tags.yes(a));
        AddressSet maybe = tags.maybe(a);
        if (!maybe.isEmpty()) {
          m.add(maybe);
          doubts.add(tags.whyUncertain(a));
        }
      }
      if (!groups.isEmpty()) {
        m.add(AddressSet.ALL);
        doubts.add("application security group membership is not modelled");
      }
      this.yes = y.build();
      this.maybe = m.build().difference(yes);
      this.doubt = doubts.isEmpty() ? "" : side + ": " + String.join("; ", doubts);
    }
  }

  private static Tri member(AddressSet yes, AddressSet maybe, Ipv4Address a) {
    return yes.contains(a) ? Tri.YES : maybe.contains(a) ? Tri.MAYBE : Tri.NO;
  }

  /** Whether the rule matches a concrete flow. */
  Tri match(Flow f) {
    if (!rule.protocol().matches(f.protocol())) {
      return Tri.NO;
    }
    Tri t = Tri.YES;
    if (f.protocol().hasPorts()) {
      if (!contains(rule.destinationPortRanges(), f.destinationPort())) {
        return Tri.NO;
      }
      if (f.sourcePort().isPresent()) {
        if (!contains(rule.sourcePortRanges(), f.sourcePort().getAsInt())) {
          return Tri.NO;
        }
      } else if (!anySourcePort) {
        t = Tri.MAYBE;
      }
    }
    t = t.and(member(sourcesYes, sourcesMaybe, f.source()));
    if (t == Tri.NO) {
      return t;
    }
    return t.and(member(destinationsYes, destinationsMaybe, f.destination()));
  }

  /** Explains why {@link #match} is MAYBE for this flow. */
  String doubt(Flow f) {
    List<String> parts = new ArrayList<>();
    if (f.protocol().hasPorts() && f.sourcePort().isEmpty() && !anySourcePort) {
      parts.add("the rule restricts source ports and the flow's source port is not known");
    }
    if (!sourcesYes.contains(f.source()) && sourcesMaybe.contains(f.source())) {
      parts.add(sourceDoubt);
    }
    if (!destinationsYes.contains(f.destination()) && destinationsMaybe.contains(f.destination())) {
      parts.add(destinationDoubt);
    }
    return String.join("; ", parts);
  }

  private static boolean contains(List<PortRange> ranges, int port) {
    for (PortRange r : ranges) {
      if (r.contains(port)) {
        return true;
      }
    }
    return false;
  }

  /** The flows this rule certainly matches. */
  List<FlowBox> definite() {
    return FlowBox.of(sourcesYes, destinationsYes, protocols, sourcePorts, destinationPorts);
  }

  /** The flows this rule may match (a superset of {@link #definite()}). */
  List<FlowBox> possible() {
    return FlowBox.of(
        sourcesYes.union(sourcesMaybe), destinationsYes.union(destinationsMaybe), protocols, sourcePorts, destinationPorts);
  }
}
