package dev.pgreach.firewall;

import static dev.pgreach.firewall.FirewallValidation.STORAGE_PORT;
import static dev.pgreach.firewall.FirewallValidation.STORAGE_TAG;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Finding;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Inventory;
import dev.pgreach.core.Network;
import dev.pgreach.core.NetworkInterface;
import dev.pgreach.core.Reachability;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The lints of network security groups, for {@link FirewallValidation#validateSecurityGroups(
 * Reachability, Iterable, java.util.Map)}: rules never reached, service tags whose ranges are not
 * known, rules admitting any source to PostgreSQL, a group on the gateway subnet, and, on subnets
 * of flexible servers, rules that deny (or may deny) PostgreSQL within the subnet, outbound
 * Storage, or use application security groups. Each group is compiled once per subnet it applies
 * in; its rules are compared with those before them (O(k²) bounded box subtractions for k rules).
 */
final class SecurityGroupLints {
  /** The most boxes a region may split into before the analysis gives up on a rule. */
  private static final int BOX_LIMIT = 4096;

  private SecurityGroupLints() {}

  /** Every finding on the groups, sorted; the arguments are checked by the caller. */
  static ImmutableList<Finding> validate(
      Reachability routing, Iterable<NetworkSecurityGroup> groups, Map<String, AddressSet> serviceTagRanges) {
    Network network = routing.network();
    ServiceProfile profile = routing.profile();
    NetworkSecurity security = NetworkSecurity.of(routing, groups, serviceTagRanges);
    ImmutableMap<String, AddressSet> supplied = TagTable.normalise(serviceTagRanges);
    List<Finding> out = new ArrayList<>();
    Map<ResourceId, List<CompiledGroup>> contextsByGroup = contexts(network, security, supplied);
    for (NetworkSecurityGroup g : security.networkSecurityGroups().values()) {
      List<CompiledGroup> contexts = contextsByGroup.get(g.id());
      Set<SecurityRule> shadowed = shadowing(g, contexts, out);
      unknownTags(g, contexts.get(0), out);
      anySourceToPostgres(g, shadowed, out);
    }
    for (VirtualNetwork v : network.virtualNetworks()) {
      for (Subnet s : v.subnets()) {
        if (s.networkSecurityGroup().isEmpty()) {
          continue;
        }
        if (s.name().equalsIgnoreCase(GATEWAY_SUBNET)) {
          out.add(
              Finding.of(
                  FindingCode.NSG_ON_GATEWAY_SUBNET,
                  s.id(),
                  "networkSecurityGroup",
                  s.networkSecurityGroup().get(),
                  "Network security group " + s.networkSecurityGroup().get().name() + " is associated with " + s.name() + " of " + v.name()
                      + ": a group on the gateway subnet stops the virtual network gateway from functioning (Azure's built-in policy denies it)."
                      + " Remove the association."));
        }
        boolean serverSubnet = s.isDelegatedToFlexibleServers() || !network.flexibleServersIn(s.id()).isEmpty();
        Optional<CompiledGroup> compiled = security.compiled(s.networkSecurityGroup().get(), s.id());
        if (serverSubnet && compiled.isPresent()) {
          CompiledGroup g = compiled.get();
          // "Denies or may deny" is a fact only where every rule is known and the VirtualNetwork
          // tag the rules are read with is known in full.
          Optional<String> unseen =
              !network.coverage().isComplete(Inventory.SECURITY_RULES, g.group.id())
                  ? Optional.of(Inventory.SECURITY_RULES.of(g.group.name()) + " are not all observed, and one of higher priority may decide first")
                  : !routing.virtualNetworkServiceTagComplete(v.id())
                      ? Optional.of("what the VirtualNetwork service tag of " + v.name() + " holds is not all observed")
                      : Optional.empty();
          serverSubnet(s, g, unseen, out);
          if (profile.storageOutboundRequired()) {
            storage(s, v, g, security.tags(s.id()), unseen, out);
          }
        }
      }
    }
    return ImmutableList.sortedCopyOf(out);
  }

  /** The name Azure requires for the subnet of virtual network gateways. */
  private static final String GATEWAY_SUBNET = "GatewaySubnet";

  /**
   * Inbound allow rules that admit any source ({@code *}, {@code Internet}, {@code 0.0.0.0/0}) to
   * TCP 5432 or 6432, unless the rule is never reached. Each such rule is reported once, on its
   * first such source entry.
   */
  private static void anySourceToPostgres(NetworkSecurityGroup g, Set<SecurityRule> shadowed, List<Finding> out) {
    for (SecurityRule r : g.securityRules()) {
      if (r.isDefault() || r.direction() != SecurityRuleDirection.INBOUND || r.access() != SecurityRuleAccess.ALLOW
          || !r.protocol().matches(SecurityRuleProtocol.TCP) || shadowed.contains(r)) {
        continue;
      }
      List<Integer> ports = new ArrayList<>();
      for (int port : new int[] {FlexibleServer.POSTGRES_PORT, FlexibleServer.PGBOUNCER_PORT}) {
        if (r.destinationPortRanges().stream().anyMatch(p -> p.contains(port))) {
          ports.add(port);
        }
      }
      if (ports.isEmpty()) {
        continue;
      }
      r.sourceAddressPrefixes().stream()
          .filter(SecurityGroupLints::isAnySource)
          .findFirst()
          .ifPresent(
              a ->
                  out.add(
                      Finding.of(
                          FindingCode.NSG_ALLOWS_ANY_SOURCE_TO_POSTGRES,
                          g.ruleId(r),
                          "sourceAddressPrefixes",
                          a,
                          "Rule " + r.name() + " of " + g.name() + " allows inbound TCP "
                              + ports.stream().map(String::valueOf).collect(Collectors.joining(" and "))
                              + " from any source (" + a + "): every internet host may try to connect to PostgreSQL there. Name the clients' prefixes instead.")));
    }
  }

  /** Whether a source entry stands for any address on the internet. */
  private static boolean isAnySource(SecurityRuleAddress a) {
    if (a instanceof SecurityRuleAddress.Any) {
      return true;
    }
    if (a instanceof SecurityRuleAddress.ServiceTag) {
      return ((SecurityRuleAddress.ServiceTag) a).name().equalsIgnoreCase(SecurityRuleAddress.INTERNET_TAG);
    }
    if (a instanceof SecurityRuleAddress.Prefix) {
      return ((SecurityRuleAddress.Prefix) a).prefix().length() == 0;
    }
    return a instanceof SecurityRuleAddress.Range && ((SecurityRuleAddress.Range) a).range().toAddressSet().equals(AddressSet.ALL);
  }

  /**
   * Every group compiled in every subnet it is applied in (associated with the subnet or with an
   * interface in it), or unattached; one pass over subnets and interfaces (O(n log n)).
   */
  private static Map<ResourceId, List<CompiledGroup>> contexts(
      Network network, NetworkSecurity security, ImmutableMap<String, AddressSet> supplied) {
    Map<ResourceId, Set<ResourceId>> subnets = new java.util.HashMap<>();
    for (VirtualNetwork v : network.virtualNetworks()) {
      for (Subnet s : v.subnets()) {
        s.networkSecurityGroup().ifPresent(g -> subnets.computeIfAbsent(g, k -> new TreeSet<>()).add(s.id()));
      }
    }
    for (NetworkInterface n : network.networkInterfaces()) {
      n.networkSecurityGroup().ifPresent(g -> subnets.computeIfAbsent(g, k -> new TreeSet<>()).add(n.subnet()));
    }
    Map<ResourceId, List<CompiledGroup>> out = new java.util.HashMap<>();
    for (NetworkSecurityGroup g : security.networkSecurityGroups().values()) {
      List<CompiledGroup> compiled = new ArrayList<>();
      Set<CompiledGroup> seen = new HashSet<>();
      for (ResourceId s : subnets.getOrDefault(g.id(), Set.of())) {
        security.compiled(g.id(), s).filter(seen::add).ifPresent(compiled::add);
      }
      if (compiled.isEmpty()) {
        compiled.add(new CompiledGroup(g, TagTable.unattached(supplied)));
      }
      out.put(g.id(), compiled);
    }
    return out;
  }

  private static Set<SecurityRule> shadowing(NetworkSecurityGroup g, List<CompiledGroup> contexts, List<Finding> out) {
    Set<SecurityRule> shadowedRules = new HashSet<>();
    for (SecurityRuleDirection d : SecurityRuleDirection.values()) {
      ImmutableList<CompiledRule> first = contexts.get(0).rules(d);
      for (int i = 0; i < first.size() && !first.get(i).rule.isDefault(); i++) {
        boolean shadowed = true;
        for (CompiledGroup c : contexts) {
          shadowed &= isShadowed(c.rules(d), i);
        }
        if (shadowed) {
          SecurityRule rule = first.get(i).rule;
          shadowedRules.add(rule);
          out.add(
              Finding.of(
                  FindingCode.NSG_RULE_SHADOWED,
                  g.ruleId(rule),
                  "priority",
                  rule.priority(),
                  "Rule "
                      + rule.name()
                      + " of "
                      + g.name()
                      + " is never reached: rules with higher priority ("
                      + shadowers(first, i)
                      + ") decide every flow it could match."));
        }
      }
    }
    return shadowedRules;
  }

  /** Whether every flow rule {@code i} may match is certainly matched by an earlier rule. */
  static boolean isShadowed(List<CompiledRule> rules, int i) {
    List<FlowBox> cut = new ArrayList<>();
    for (int j = 0; j < i; j++) {
      cut.addAll(rules.get(j).definite());
    }
    List<FlowBox> rest = FlowBox.subtract(rules.get(i).possible(), cut, BOX_LIMIT);
    return rest != null && rest.isEmpty();
  }

  private static String shadowers(List<CompiledRule> rules, int i) {
    List<FlowBox> possible = rules.get(i).possible();
    List<String> names = new ArrayList<>();
    for (int j = 0; j < i; j++) {
      if (FlowBox.intersects(rules.get(j).definite(), possible)) {
        names.add(rules.get(j).rule.name() + " at " + rules.get(j).rule.priority());
      }
    }
    return names.isEmpty() ? "none overlap; the rule matches no flow" : String.join(", ", names);
  }

  private static void unknownTags(NetworkSecurityGroup g, CompiledGroup context, List<Finding> out) {
    for (SecurityRule r : g.securityRules()) {
      tag(g, r, "sourceAddressPrefixes", r.sourceAddressPrefixes(), context, out);
      tag(g, r, "destinationAddressPrefixes", r.destinationAddressPrefixes(), context, out);
    }
  }

  private static void tag(
      NetworkSecurityGroup g, SecurityRule r, String field, List<SecurityRuleAddress> entries, CompiledGroup context, List<Finding> out) {
    Set<String> seen = new LinkedHashSet<>();
    for (SecurityRuleAddress a : entries) {
      if (a instanceof SecurityRuleAddress.ServiceTag) {
        String name = ((SecurityRuleAddress.ServiceTag) a).name();
        if (context.tags.isOpaque(name) && seen.add(name)) {
          out.add(
              Finding.of(
                  FindingCode.NSG_SERVICE_TAG_UNKNOWN,
                  g.ruleId(r),
                  field,
                  name,
                  "Rule " + r.name() + " of " + g.name() + " names service tag " + name + ", whose ranges were not supplied: an allow rule with it never admits, and a deny rule with it makes answers indeterminate."));
        }
      }
    }
  }

  private static void serverSubnet(Subnet s, CompiledGroup g, Optional<String> unseen, List<Finding> out) {
    AddressSet subnet = s.addressPrefix().toAddressSet();
    NetworkSecurityGroup group = g.group;
    for (SecurityRule r : group.securityRules()) {
      if (r.usesApplicationSecurityGroups()) {
        String field = r.sourceApplicationSecurityGroups().isEmpty() ? "destinationApplicationSecurityGroups" : "sourceApplicationSecurityGroups";
        List<ResourceId> ids = r.sourceApplicationSecurityGroups().isEmpty() ? r.destinationApplicationSecurityGroups() : r.sourceApplicationSecurityGroups();
        out.add(
            Finding.of(
                FindingCode.NSG_APPLICATION_SECURITY_GROUP_UNSUPPORTED,
                group.ruleId(r),
                field,
                ids.stream().map(ResourceId::name).collect(Collectors.joining(",")),
                "Rule " + r.name() + " of " + group.name() + ", on flexible server subnet " + s.name() + ", uses application security groups, which Azure does not support with flexible servers: use IP-based rules."));
      }
    }
    Set<SecurityRule> reported = new LinkedHashSet<>();
    for (SecurityRuleDirection d : SecurityRuleDirection.values()) {
      List<FlowBox> region =
          FlowBox.of(subnet, subnet, FlowBox.TCP, FlowBox.ALL_PORTS, FlowBox.ports(PortRange.of(FlexibleServer.POSTGRES_PORT)));
      for (CompiledRule r : denying(g.rules(d), region)) {
        if (reported.add(r.rule)) {
          Finding f =
              Finding.of(
                  FindingCode.NSG_BLOCKS_SERVER_SUBNET,
                  group.ruleId(r.rule),
                  "access",
                  r.rule.access().azureName(),
                  "Rule " + r.rule.name() + " of " + group.name() + " denies (or may deny) "
                      + d.azureName().toLowerCase(Locale.ROOT)
                      + " TCP 5432 between addresses of flexible server subnet " + s.name() + " (" + s.addressPrefix()
                      + "); high availability and other features need that traffic.");
          out.add(unseen.isEmpty() ? f : f.notInInput(unseen.get()));
        }
      }
    }
  }

  /** The deny rules reached by some flow of the region, in evaluation order. */
  static List<CompiledRule> denying(List<CompiledRule> rules, List<FlowBox> region) {
    List<CompiledRule> out = new ArrayList<>();
    List<FlowBox> remaining = region;
    for (CompiledRule r : rules) {
      if (remaining.isEmpty()) {
        break;
      }
      if (r.rule.access() == SecurityRuleAccess.DENY && FlowBox.intersects(remaining, r.possible())) {
        out.add(r);
      }
      List<FlowBox> next = FlowBox.subtract(remaining, r.definite(), BOX_LIMIT);
      if (next != null) {
        remaining = next;
      }
    }
    return out;
  }

  private static void storage(Subnet s, VirtualNetwork v, CompiledGroup g, TagTable tags, Optional<String> unseen, List<Finding> out) {
    Optional<SecurityRule> blocker = storageBlocker(s, v, g, tags);
    blocker.ifPresent(
        r -> {
          Finding f =
              Finding.of(
                  FindingCode.NSG_BLOCKS_STORAGE_OUTBOUND,
                  s.id(),
                  "networkSecurityGroup",
                  g.group.id(),
                  "Network security group " + g.group.name() + " of flexible server subnet " + s.name()
                      + " does not certainly allow outbound TCP 443 to the Storage service tag: rule " + r.name()
                      + " (priority " + r.priority() + ") denies or may deny it, which breaks WAL archiving and backups.");
          out.add(unseen.isEmpty() ? f : f.notInInput(unseen.get()));
        });
  }

  private static Optional<SecurityRule> storageBlocker(Subnet s, VirtualNetwork v, CompiledGroup g, TagTable tags) {
    AddressSet subnet = s.addressPrefix().toAddressSet();
    AddressSet regional = tags.supplied(STORAGE_TAG + "." + v.region().name());
    AddressSet plain = tags.supplied(STORAGE_TAG);
    AddressSet storage = regional != null ? regional : plain;
    if (storage != null) {
      CompiledGroup exact = g;
      if (regional != null && plain == null) {
        // Storage.<region> is part of Storage: a rule naming the plain tag certainly covers the
        // regional ranges, though what else the plain tag holds stays unknown.
        exact = new CompiledGroup(g.group, tags.withLowerBound(STORAGE_TAG, regional));
      }
      List<FlowBox> region = FlowBox.of(subnet, storage, FlowBox.TCP, FlowBox.ALL_PORTS, FlowBox.ports(PortRange.of(STORAGE_PORT)));
      return denying(exact.outbound, region).stream().findFirst().map(r -> r.rule);
    }
    AddressSet remaining = subnet;
    for (CompiledRule r : g.outbound) {
      SecurityRule rule = r.rule;
      if (!rule.protocol().matches(SecurityRuleProtocol.TCP)
          || rule.destinationPortRanges().stream().noneMatch(p -> p.contains(STORAGE_PORT))) {
        continue;
      }
      Tri destination = storageMembership(rule, v, tags);
      AddressSet sources = remaining.intersection(r.sourcesYes.union(r.sourcesMaybe));
      if (destination == Tri.NO || sources.isEmpty()) {
        continue;
      }
      if (rule.access() == SecurityRuleAccess.DENY) {
        return Optional.of(rule);
      }
      if (destination == Tri.YES && r.anySourcePort) {
        remaining = remaining.difference(r.sourcesYes);
        if (remaining.isEmpty()) {
          return Optional.empty();
        }
      }
    }
    throw new IllegalStateException("the default outbound deny rule always matches");
  }

  /** Whether a rule's destinations certainly, possibly or never include Azure Storage addresses. */
  private static Tri storageMembership(SecurityRule rule, VirtualNetwork v, TagTable tags) {
    Tri t = Tri.NO;
    for (SecurityRuleAddress a : rule.destinationAddressPrefixes()) {
      if (a instanceof SecurityRuleAddress.Any) {
        t = t.or(Tri.YES);
      } else if (a instanceof SecurityRuleAddress.ServiceTag) {
        String name = ((SecurityRuleAddress.ServiceTag) a).name();
        if (name.equalsIgnoreCase(STORAGE_TAG) || name.equalsIgnoreCase(STORAGE_TAG + "." + v.region().name())) {
          t = t.or(Tri.YES);
        } else if (name.equals(SecurityRuleAddress.INTERNET_TAG)) {
          // Where user routes put public space in the VirtualNetwork tag, Internet may not hold Storage.
          t = t.or(tags.internetUncertainForServiceAddresses() ? Tri.MAYBE : Tri.YES);
        } else if (!name.regionMatches(true, 0, STORAGE_TAG + ".", 0, STORAGE_TAG.length() + 1)
            && !name.equals(SecurityRuleAddress.VIRTUAL_NETWORK_TAG)
            && !name.equals(SecurityRuleAddress.AZURE_LOAD_BALANCER_TAG)) {
          t = t.or(Tri.MAYBE);
        }
      } else {
        AddressSet set =
            a instanceof SecurityRuleAddress.Prefix
                ? ((SecurityRuleAddress.Prefix) a).prefix().toAddressSet()
                : ((SecurityRuleAddress.Range) a).range().toAddressSet();
        if (!TagTable.PRIVATE.containsAll(set)) {
          t = t.or(Tri.MAYBE);
        }
      }
    }
    return t;
  }
}
