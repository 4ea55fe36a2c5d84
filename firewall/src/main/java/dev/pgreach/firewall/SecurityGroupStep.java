package dev.pgreach.firewall;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Step;
import dev.pgreach.core.StepEffect;
import java.util.Optional;

/**
 * The steps of network security group evaluation: for each group a flow passes, the rule that
 * decided (allowed or denied), the rules that may or may not have matched, and the places where
 * no group applies.
 */
public sealed interface SecurityGroupStep extends Step {
  /**
   * Returns the direction evaluated.
   *
   * @return inbound or outbound
   */
  SecurityRuleDirection direction();

  /**
   * A security rule matched the flow and allowed it through this group.
   *
   * @param networkSecurityGroup the group
   * @param appliedTo the subnet or network interface the group is associated with
   * @param rule the rule's name
   * @param priority the rule's priority
   * @param direction the direction evaluated
   * @param flow the flow
   */
  record RuleAllowed(
      ResourceId networkSecurityGroup, ResourceId appliedTo, String rule, int priority, SecurityRuleDirection direction, Flow flow)
      implements SecurityGroupStep {
    /** {@return the group} */
    public ResourceId networkSecurityGroup() {
      return networkSecurityGroup;
    }

    /** {@return the subnet or network interface the group is associated with} */
    public ResourceId appliedTo() {
      return appliedTo;
    }

    /** {@return the rule's name} */
    public String rule() {
      return rule;
    }

    /** {@return the rule's priority} */
    public int priority() {
      return priority;
    }

    /** {@return the direction evaluated} */
    public SecurityRuleDirection direction() {
      return direction;
    }

    /** {@return the flow} */
    public Flow flow() {
      return flow;
    }

    /**
     * Checks the components.
     *
     * @param networkSecurityGroup the group
     * @param appliedTo the subnet or network interface the group is associated with
     * @param rule the rule's name
     * @param priority the rule's priority
     * @param direction the direction evaluated
     * @param flow the flow
     * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null component
     */
    public RuleAllowed {
      StepText.check(networkSecurityGroup, appliedTo, rule, direction, flow);
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.NSG_RULE_ALLOWED;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.PASSED;
    }

    @Override
    public String subject() {
      return StepText.ruleId(networkSecurityGroup, rule, priority).toString();
    }

    @Override
    public String reason() {
      return StepText.where(networkSecurityGroup, appliedTo, direction) + " rule " + rule + " (priority " + priority + ") allows " + flow + ".";
    }
  }

  /**
   * A security rule matched the flow and denied it.
   *
   * @param networkSecurityGroup the group
   * @param appliedTo the subnet or network interface the group is associated with
   * @param rule the rule's name
   * @param priority the rule's priority
   * @param direction the direction evaluated
   * @param flow the flow
   */
  record RuleDenied(
      ResourceId networkSecurityGroup, ResourceId appliedTo, String rule, int priority, SecurityRuleDirection direction, Flow flow)
      implements SecurityGroupStep {
    /** {@return the group} */
    public ResourceId networkSecurityGroup() {
      return networkSecurityGroup;
    }

    /** {@return the subnet or network interface the group is associated with} */
    public ResourceId appliedTo() {
      return appliedTo;
    }

    /** {@return the rule's name} */
    public String rule() {
      return rule;
    }

    /** {@return the rule's priority} */
    public int priority() {
      return priority;
    }

    /** {@return the direction evaluated} */
    public SecurityRuleDirection direction() {
      return direction;
    }

    /** {@return the flow} */
    public Flow flow() {
      return flow;
    }

    /**
     * Checks the components.
     *
     * @param networkSecurityGroup the group
     * @param appliedTo the subnet or network interface the group is associated with
     * @param rule the rule's name
     * @param priority the rule's priority
     * @param direction the direction evaluated
     * @param flow the flow
     * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null component
     */
    public RuleDenied {
      StepText.check(networkSecurityGroup, appliedTo, rule, direction, flow);
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.NSG_RULE_DENIED;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.BLOCKED;
    }

    @Override
    public String subject() {
      return StepText.ruleId(networkSecurityGroup, rule, priority).toString();
    }

    @Override
    public String reason() {
      return StepText.where(networkSecurityGroup, appliedTo, direction) + " rule " + rule + " (priority " + priority + ") denies " + flow + ".";
    }
  }

  /**
   * A security rule may or may not match the flow: it names a service tag whose addresses are not
   * known, an application security group, or source ports while the flow's source port is not
   * known. Failing closed, an allow rule that may match does not admit (evaluation goes on; the
   * step is a note), and a deny rule that may match makes the answer indeterminate unless a later
   * rule denies anyway.
   *
   * @param networkSecurityGroup the group
   * @param appliedTo the subnet or network interface the group is associated with
   * @param rule the rule's name
   * @param priority the rule's priority
   * @param direction the direction evaluated
   * @param access what the rule would do
   * @param why what is not known
   * @param flow the flow
   */
  record RuleUndecided(
      ResourceId networkSecurityGroup,
      ResourceId appliedTo,
      String rule,
      int priority,
      SecurityRuleDirection direction,
      SecurityRuleAccess access,
      String why,
      Flow flow)
      implements SecurityGroupStep {
    /** {@return the group} */
    public ResourceId networkSecurityGroup() {
      return networkSecurityGroup;
    }

    /** {@return the subnet or network interface the group is associated with} */
    public ResourceId appliedTo() {
      return appliedTo;
    }

    /** {@return the rule's name} */
    public String rule() {
      return rule;
    }

    /** {@return the rule's priority} */
    public int priority() {
      return priority;
    }

    /** {@return the direction evaluated} */
    public SecurityRuleDirection direction() {
      return direction;
    }

    /** {@return what the rule would do} */
    public SecurityRuleAccess access() {
      return access;
    }

    /** {@return what is not known} */
    public String why() {
      return why;
    }

    /** {@return the flow} */
    public Flow flow() {
      return flow;
    }

    /**
     * Checks the components.
     *
     * @param networkSecurityGroup the group
     * @param appliedTo the subnet or network interface the group is associated with
     * @param rule the rule's name
     * @param priority the rule's priority
     * @param direction the direction evaluated
     * @param access what the rule would do
     * @param why what is not known
     * @param flow the flow
     * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null component
     */
    public RuleUndecided {
      StepText.check(networkSecurityGroup, appliedTo, rule, direction, flow);
      Names.notNull(access, "SecurityGroupStep.RuleUndecided.access");
      Names.notNull(why, "SecurityGroupStep.RuleUndecided.why");
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.NSG_RULE_UNDECIDED;
    }

    @Override
    public StepEffect effect() {
      return access == SecurityRuleAccess.DENY ? StepEffect.UNKNOWN : StepEffect.NOTE;
    }

    @Override
    public String subject() {
      return StepText.ruleId(networkSecurityGroup, rule, priority).toString();
    }

    @Override
    public String reason() {
      return StepText.where(networkSecurityGroup, appliedTo, direction)
          + " rule "
          + rule
          + " (priority "
          + priority
          + ", "
          + access.azureName()
          + ") may or may not match "
          + flow
          + ": "
          + why
          + (access == SecurityRuleAccess.DENY
              ? "; it may deny the flow."
              : "; failing closed, it does not admit the flow and evaluation goes on.");
    }
  }

  /**
   * No network security group filters the flow here: none is associated with the subnet or
   * network interface, or the subnet's group does not apply to private endpoints.
   *
   * @param networkSecurityGroup the group that does not apply, if there is one
   * @param scope the subnet, network interface or place concerned, as text
   * @param direction the direction evaluated
   * @param why the explanation
   */
  record NotApplied(Optional<ResourceId> networkSecurityGroup, String scope, SecurityRuleDirection direction, String why)
      implements SecurityGroupStep {
    /** {@return the group that does not apply, if there is one} */
    public Optional<ResourceId> networkSecurityGroup() {
      return networkSecurityGroup;
    }

    /** {@return the subnet, network interface or place concerned, as text} */
    public String scope() {
      return scope;
    }

    /** {@return the direction evaluated} */
    public SecurityRuleDirection direction() {
      return direction;
    }

    /** {@return the explanation} */
    public String why() {
      return why;
    }

    /**
     * Checks the components.
     *
     * @param networkSecurityGroup the group that does not apply, if there is one
     * @param scope the subnet, network interface or place concerned, as text
     * @param direction the direction evaluated
     * @param why the explanation
     * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null component
     */
    public NotApplied {
      Names.notNull(networkSecurityGroup, "SecurityGroupStep.NotApplied.networkSecurityGroup");
      Names.notNull(scope, "SecurityGroupStep.NotApplied.scope");
      Names.notNull(direction, "SecurityGroupStep.NotApplied.direction");
      Names.notNull(why, "SecurityGroupStep.NotApplied.why");
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.NSG_NOT_APPLIED;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.PASSED;
    }

    @Override
    public String subject() {
      return networkSecurityGroup.map(Object::toString).orElse(scope);
    }

    @Override
    public String reason() {
      return why;
    }
  }

  /**
   * What a network security group does to the flow cannot be told from the input: the group is
   * outside the input, its security rules are not all in it (a rule not shown, of higher priority,
   * may decide otherwise), or the host's network interface — and so its own group — is not in it.
   *
   * @param code {@link ReasonCode#OUTSIDE_INPUT} or {@link ReasonCode#NOT_OBSERVED}
   * @param networkSecurityGroup the group concerned, when known
   * @param scope the subnet, network interface or host concerned, as text
   * @param direction the direction evaluated
   * @param why the explanation, naming what is missing
   */
  record Undecided(ReasonCode code, Optional<ResourceId> networkSecurityGroup, String scope, SecurityRuleDirection direction, String why)
      implements SecurityGroupStep {
    /** {@return {@link ReasonCode#OUTSIDE_INPUT} or {@link ReasonCode#NOT_OBSERVED}} */
    public ReasonCode code() {
      return code;
    }

    /** {@return the group concerned, when known} */
    public Optional<ResourceId> networkSecurityGroup() {
      return networkSecurityGroup;
    }

    /** {@return the subnet, network interface or host concerned, as text} */
    public String scope() {
      return scope;
    }

    /** {@return the direction evaluated} */
    public SecurityRuleDirection direction() {
      return direction;
    }

    /** {@return the explanation, naming what is missing} */
    public String why() {
      return why;
    }

    /**
     * Checks the components.
     *
     * @param code {@link ReasonCode#OUTSIDE_INPUT} or {@link ReasonCode#NOT_OBSERVED}
     * @param networkSecurityGroup the group concerned, when known
     * @param scope the subnet, network interface or host concerned, as text
     * @param direction the direction evaluated
     * @param why the explanation, naming what is missing
     * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null component
     */
    public Undecided {
      Names.notNull(code, "SecurityGroupStep.Undecided.code");
      Names.notNull(networkSecurityGroup, "SecurityGroupStep.Undecided.networkSecurityGroup");
      Names.notNull(scope, "SecurityGroupStep.Undecided.scope");
      Names.notNull(direction, "SecurityGroupStep.Undecided.direction");
      Names.notNull(why, "SecurityGroupStep.Undecided.why");
    }

    @Override
    public StepEffect effect() {
      return StepEffect.UNKNOWN;
    }

    @Override
    public String subject() {
      return networkSecurityGroup.map(Object::toString).orElse(scope);
    }

    @Override
    public String reason() {
      return why;
    }
  }
}
