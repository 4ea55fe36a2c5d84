package dev.pgreach.firewall;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Ipv4Range;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Step;
import dev.pgreach.core.StepEffect;
import java.time.Instant;
import java.util.Optional;

/**
 * The steps of a decision at a server's public endpoint: public network access, the firewall rule
 * that admitted the source or the absence of one, and what could not be decided (a change still
 * propagating, an unknown source address).
 */
public sealed interface FirewallStep extends Step {

  /**
   * The public endpoint admits nothing: {@code publicNetworkAccess} is Disabled, or the server is
   * VNet-integrated and has no public endpoint at all. Firewall rules, if any, are kept but not
   * enforced.
   *
   * @param server the server, when known
   * @param vnetIntegrated whether the server is VNet-integrated (private access)
   */
  record PublicNetworkAccessDisabled(Optional<ResourceId> server, boolean vnetIntegrated) implements FirewallStep {
    /** {@return the server, when known} */
    public Optional<ResourceId> server() {
      return server;
    }

    /** {@return whether the server is VNet-integrated (private access)} */
    public boolean vnetIntegrated() {
      return vnetIntegrated;
    }

    /**
     * Checks the components.
     *
     * @param server the server, when known
     * @param vnetIntegrated whether the server is VNet-integrated (private access)
     * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null component
     */
    public PublicNetworkAccessDisabled {
      Names.notNull(server, "FirewallStep.PublicNetworkAccessDisabled.server");
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.PUBLIC_NETWORK_ACCESS_DISABLED;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.BLOCKED;
    }

    @Override
    public String subject() {
      return server.map(Object::toString).orElse(PublicAccess.PUBLIC_ENDPOINT);
    }

    @Override
    public String reason() {
      String who = server.map(s -> "Server " + s.name()).orElse("The server");
      return vnetIntegrated
          ? who + " is VNet-integrated: it has no public endpoint, and firewall rules do not apply."
          : who + " has publicNetworkAccess Disabled: the public endpoint admits nothing; firewall rules are kept but not enforced.";
    }
  }

  /**
   * A firewall rule admits the source address.
   *
   * @param rule the rule's name
   * @param range the rule's range
   * @param source the source
   */
  record RuleMatched(String rule, Ipv4Range range, FirewallSource source) implements FirewallStep {
    /** {@return the rule's name} */
    public String rule() {
      return rule;
    }

    /** {@return the rule's range} */
    public Ipv4Range range() {
      return range;
    }

    /** {@return the source} */
    public FirewallSource source() {
      return source;
    }

    /**
     * Checks the components.
     *
     * @param rule the rule's name
     * @param range the rule's range
     * @param source the source
     * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null component
     */
    public RuleMatched {
      Names.notNull(rule, "FirewallStep.RuleMatched.rule");
      Names.notNull(range, "FirewallStep.RuleMatched.range");
      Names.notNull(source, "FirewallStep.RuleMatched.source");
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.FIREWALL_RULE_MATCHED;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.PASSED;
    }

    @Override
    public String subject() {
      return rule;
    }

    @Override
    public String reason() {
      return "Firewall rule "
          + rule
          + " ("
          + range
          + ") admits "
          + (source.address().isPresent() ? source.address().get() : "every address, whatever the source")
          + "; the rule only opens the door: PostgreSQL authentication still applies.";
    }
  }

  /**
   * The {@code 0.0.0.0} rule admits the source because it is Azure-allocated.
   *
   * @param rule the rule's name
   * @param source the source
   */
  record AzureServicesAllowed(String rule, FirewallSource source) implements FirewallStep {
    /** {@return the rule's name} */
    public String rule() {
      return rule;
    }

    /** {@return the source} */
    public FirewallSource source() {
      return source;
    }

    /**
     * Checks the components.
     *
     * @param rule the rule's name
     * @param source the source
     * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null component
     */
    public AzureServicesAllowed {
      Names.notNull(rule, "FirewallStep.AzureServicesAllowed.rule");
      Names.notNull(source, "FirewallStep.AzureServicesAllowed.source");
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.FIREWALL_AZURE_SERVICES_ALLOWED;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.PASSED;
    }

    @Override
    public String subject() {
      return rule;
    }

    @Override
    public String reason() {
      return "Firewall rule "
          + rule
          + " (0.0.0.0, allow Azure services) admits "
          + source.address().map(Object::toString).orElse("the source")
          + " because it is Azure-allocated; this rule admits Azure resources of every tenant, other customers' included. PostgreSQL authentication still applies.";
    }
  }

  /**
   * No firewall rule admits the source: Azure denies by default.
   *
   * @param server the server, when known
   * @param source the source
   * @param ruleCount how many rules the server has
   */
  record NoRuleMatched(Optional<ResourceId> server, FirewallSource source, int ruleCount) implements FirewallStep {
    /** {@return the server, when known} */
    public Optional<ResourceId> server() {
      return server;
    }

    /** {@return the source} */
    public FirewallSource source() {
      return source;
    }

    /** {@return how many rules the server has} */
    public int ruleCount() {
      return ruleCount;
    }

    /**
     * Checks the components.
     *
     * @param server the server, when known
     * @param source the source
     * @param ruleCount how many rules the server has
     * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null component
     */
    public NoRuleMatched {
      Names.notNull(server, "FirewallStep.NoRuleMatched.server");
      Names.notNull(source, "FirewallStep.NoRuleMatched.source");
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.FIREWALL_NO_RULE_MATCHED;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.BLOCKED;
    }

    @Override
    public String subject() {
      return server.map(Object::toString).orElse(PublicAccess.PUBLIC_ENDPOINT);
    }

    @Override
    public String reason() {
      return "No firewall rule"
          + server.map(s -> " of server " + s.name()).orElse("")
          + " admits "
          + source
          + " ("
          + ruleCount
          + (ruleCount == 1 ? " rule" : " rules")
          + "): by default no address is allowed, and the client sees an error such as \"no pg_hba.conf entry for host\".";
    }
  }

  /**
   * A firewall change made shortly before the question decides this source, and may not have
   * taken effect yet: Azure documents a delay of up to five minutes.
   *
   * @param rule the changed rule's name
   * @param range the range added (or, for a removal, removed)
   * @param removed whether the change removed the range; otherwise it added it
   * @param changedAt when the change was made
   * @param settlesAt when the change has certainly taken effect ({@link Instant#MAX} when that is
   *     later than any instant)
   * @param source the source
   */
  record ChangePropagating(
      String rule, Ipv4Range range, boolean removed, Instant changedAt, Instant settlesAt, FirewallSource source)
      implements FirewallStep {
    /** {@return the changed rule's name} */
    public String rule() {
      return rule;
    }

    /** {@return the range added (or, for a removal, removed)} */
    public Ipv4Range range() {
      return range;
    }

    /** {@return whether the change removed the range; otherwise it added it} */
    public boolean removed() {
      return removed;
    }

    /** {@return when the change was made} */
    public Instant changedAt() {
      return changedAt;
    }

    /** {@return when the change has certainly taken effect ({@link Instant#MAX} when that is later than any instant)} */
    public Instant settlesAt() {
      return settlesAt;
    }

    /** {@return the source} */
    public FirewallSource source() {
      return source;
    }

    /**
     * Checks the components.
     *
     * @param rule the changed rule's name
     * @param range the range added (or, for a removal, removed)
     * @param removed whether the change removed the range; otherwise it added it
     * @param changedAt when the change was made
     * @param settlesAt when the change has certainly taken effect ({@link Instant#MAX} when that
     *     is later than any instant)
     * @param source the source
     * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null component
     */
    public ChangePropagating {
      Names.notNull(rule, "FirewallStep.ChangePropagating.rule");
      Names.notNull(range, "FirewallStep.ChangePropagating.range");
      Names.notNull(changedAt, "FirewallStep.ChangePropagating.changedAt");
      Names.notNull(settlesAt, "FirewallStep.ChangePropagating.settlesAt");
      Names.notNull(source, "FirewallStep.ChangePropagating.source");
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.FIREWALL_CHANGE_PROPAGATING;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.UNKNOWN;
    }

    @Override
    public String subject() {
      return rule;
    }

    @Override
    public String reason() {
      return "Firewall rule "
          + rule
          + " ("
          + range
          + ") was "
          + (removed ? "removed" : "added or changed")
          + " at "
          + changedAt
          + "; until "
          + settlesAt
          + " the change may not have taken effect, so whether "
          + source
          + " is admitted cannot be known.";
    }
  }

  /**
   * The source address the public endpoint sees is not known, and some rule may or may not admit
   * it (no settled rule admits every address).
   *
   * @param source the source, without an address
   * @param rulesThatMayMatch how many rules might admit it
   */
  record SourceUnknown(FirewallSource source, int rulesThatMayMatch) implements FirewallStep {
    /** {@return the source, without an address} */
    public FirewallSource source() {
      return source;
    }

    /** {@return how many rules might admit it} */
    public int rulesThatMayMatch() {
      return rulesThatMayMatch;
    }

    /**
     * Checks the components.
     *
     * @param source the source, without an address
     * @param rulesThatMayMatch how many rules might admit it
     * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null source
     */
    public SourceUnknown {
      Names.notNull(source, "FirewallStep.SourceUnknown.source");
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.FIREWALL_SOURCE_UNKNOWN;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.UNKNOWN;
    }

    @Override
    public String subject() {
      return source.toString();
    }

    @Override
    public String reason() {
      return "The source address the public endpoint sees is not known, and "
          + rulesThatMayMatch
          + (rulesThatMayMatch == 1 ? " firewall rule" : " firewall rules")
          + " may or may not admit it.";
    }
  }

  /**
   * No known rule admits the source, and the input does not hold all of the server's firewall
   * rules: a rule it does not show may admit it.
   *
   * @param server the server, when known
   * @param source the source as the endpoint sees it
   * @param knownRules how many rules the input holds
   */
  record RulesNotObserved(Optional<ResourceId> server, FirewallSource source, int knownRules) implements FirewallStep {
    /** {@return the server, when known} */
    public Optional<ResourceId> server() {
      return server;
    }

    /** {@return the source as the endpoint sees it} */
    public FirewallSource source() {
      return source;
    }

    /** {@return how many rules the input holds} */
    public int knownRules() {
      return knownRules;
    }

    /**
     * Checks the components.
     *
     * @param server the server, when known
     * @param source the source as the endpoint sees it
     * @param knownRules how many rules the input holds
     * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null component
     */
    public RulesNotObserved {
      Names.notNull(server, "FirewallStep.RulesNotObserved.server");
      Names.notNull(source, "FirewallStep.RulesNotObserved.source");
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.NOT_OBSERVED;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.UNKNOWN;
    }

    @Override
    public String subject() {
      return server.map(Object::toString).orElse(PublicAccess.PUBLIC_ENDPOINT);
    }

    @Override
    public String reason() {
      String who = server.map(ResourceId::name).orElse("the server");
      return (knownRules == 0 ? "No firewall rule of " + who + " is in the input" : "None of the " + knownRules + " firewall rules of " + who + " in the input admits " + source)
          + ", and the input does not hold all of them: a rule it does not show may admit " + source + ".";
    }
  }

  /**
   * The decision depends on a setting the input does not show: the server's {@code
   * publicNetworkAccess} or whether it is VNet-integrated (which leaves it no public endpoint).
   *
   * @param server the server, when known
   * @param setting the unknown setting, as ARM names it
   * @param consequence what the known rules would do if the endpoint enforced them
   */
  record SettingUnknown(Optional<ResourceId> server, String setting, String consequence) implements FirewallStep {
    /** {@return the server, when known} */
    public Optional<ResourceId> server() {
      return server;
    }

    /** {@return the unknown setting, as ARM names it} */
    public String setting() {
      return setting;
    }

    /** {@return what the known rules would do if the endpoint enforced them} */
    public String consequence() {
      return consequence;
    }

    /**
     * Checks the components.
     *
     * @param server the server, when known
     * @param setting the unknown setting, as ARM names it
     * @param consequence what the known rules would do if the endpoint enforced them
     * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null component
     */
    public SettingUnknown {
      Names.notNull(server, "FirewallStep.SettingUnknown.server");
      Names.notNull(setting, "FirewallStep.SettingUnknown.setting");
      Names.notNull(consequence, "FirewallStep.SettingUnknown.consequence");
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.SETTING_UNKNOWN;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.UNKNOWN;
    }

    @Override
    public String subject() {
      return server.map(Object::toString).orElse(PublicAccess.PUBLIC_ENDPOINT);
    }

    @Override
    public String reason() {
      return "The " + setting + " of " + server.map(ResourceId::name).orElse("the server") + " is not known from the input; " + consequence
          + ", but if the endpoint does not enforce the rules it admits nothing.";
    }
  }
}
