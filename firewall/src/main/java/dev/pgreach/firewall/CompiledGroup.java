package dev.pgreach.firewall;

import com.google.common.collect.ImmutableList;

/** A network security group's rules of both directions, compiled for one place, in evaluation order. */
final class CompiledGroup {
  final NetworkSecurityGroup group;
  final TagTable tags;
  final ImmutableList<CompiledRule> inbound;
  final ImmutableList<CompiledRule> outbound;

  CompiledGroup(NetworkSecurityGroup group, TagTable tags) {
    this.group = group;
    this.tags = tags;
    this.inbound = compile(group, SecurityRuleDirection.INBOUND, tags);
    this.outbound = compile(group, SecurityRuleDirection.OUTBOUND, tags);
  }

  private static ImmutableList<CompiledRule> compile(NetworkSecurityGroup group, SecurityRuleDirection direction, TagTable tags) {
    return group.rules(direction).stream().map(r -> new CompiledRule(r, tags)).collect(ImmutableList.toImmutableList());
  }

  ImmutableList<CompiledRule> rules(SecurityRuleDirection direction) {
    return direction == SecurityRuleDirection.INBOUND ? inbound : outbound;
  }
}
