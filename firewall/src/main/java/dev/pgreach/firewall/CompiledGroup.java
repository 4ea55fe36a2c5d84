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

  /**
   * Whether no rule the input does not show can come before a rule of this priority: every
   * priority from 100 up to it is taken by a known rule of the direction (priorities are unique per
   * direction, so a rule not shown would need a free one).
   */
  boolean pinned(SecurityRuleDirection direction, int priority) {
    if (priority > SecurityRule.MAX_PRIORITY) {
      return false; // a default rule: a rule not shown may always come first
    }
    long below = group.rules(direction).stream().filter(r -> r.priority() >= SecurityRule.MIN_PRIORITY && r.priority() < priority).map(SecurityRule::priority).distinct().count();
    return below == priority - SecurityRule.MIN_PRIORITY;
  }
}
