package dev.pgreach.firewall;

import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Subnet;
import java.util.Locale;

/** Shared checks and wording of the security group step records. */
final class StepText {
  private StepText() {}

  static void check(ResourceId nsg, ResourceId appliedTo, String rule, SecurityRuleDirection direction, Flow flow) {
    Names.notNull(nsg, "SecurityGroupStep.networkSecurityGroup");
    Names.notNull(appliedTo, "SecurityGroupStep.appliedTo");
    Names.notNull(rule, "SecurityGroupStep.rule");
    Names.notNull(direction, "SecurityGroupStep.direction");
    Names.notNull(flow, "SecurityGroupStep.flow");
  }

  static ResourceId ruleId(ResourceId nsg, String rule, int priority) {
    return nsg.child(priority > SecurityRule.MAX_PRIORITY ? "defaultSecurityRules" : "securityRules", rule);
  }

  static String where(ResourceId nsg, ResourceId appliedTo, SecurityRuleDirection direction) {
    return "NSG " + nsg.name() + " on " + describe(appliedTo) + ", " + direction.azureName().toLowerCase(Locale.ROOT);
  }

  static String describe(ResourceId appliedTo) {
    return (appliedTo.isOfType(Subnet.RESOURCE_TYPE) ? "subnet " : "network interface ") + appliedTo.name();
  }
}
