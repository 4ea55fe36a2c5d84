package dev.pgreach.firewall;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Arrival;
import dev.pgreach.core.Disposition;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.PublicNetworkAccess;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServerSetting;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Step;
import dev.pgreach.core.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who a server's public endpoint admits: {@code publicNetworkAccess} and the server-level firewall
 * rules, compiled once for fast point questions.
 *
 * <p>What is modelled, following Azure's documentation:
 *
 * <ul>
 *   <li>{@code publicNetworkAccess} Disabled blocks everything at the public endpoint, whatever
 *       the rules; the rules are kept, not enforced. A VNet-integrated server has no public
 *       endpoint at all.
 *   <li>Default deny: a source that no rule admits is blocked. A rule admits the addresses of its
 *       inclusive range; the answer names one admitting rule.
 *   <li>The {@code 0.0.0.0–0.0.0.0} rule admits Azure-allocated addresses, of any tenant, and
 *       nothing else. The caller says which sources are Azure-allocated ({@link FirewallSource})
 *       and may add the ranges it loaded from Azure's published service tags ({@link
 *       #withAzureRanges}).
 *   <li>A source whose address is not known is admitted only by a settled allow-all rule ({@code
 *       0.0.0.0–255.255.255.255}), or by the {@code 0.0.0.0} rule when it is Azure-allocated;
 *       otherwise, if any rule might admit it, the answer is indeterminate, never allowed.
 *   <li>Propagation: a rule created or changed, or removed, less than {@link
 *       ServiceProfile#firewallPropagationDelay()} (five minutes) before the question's instant
 *       may not have taken effect. Where such a change decides the answer for the source, the
 *       answer is {@link Disposition#INDETERMINATE}; where a settled rule admits the source
 *       anyway, the answer is settled. A change timestamped after the question's instant counts
 *       as not yet settled. Every instant is a valid question or change instant, {@link
 *       Instant#MIN} and {@link Instant#MAX} included; a change that would settle after {@link
 *       Instant#MAX} is reported as settling at {@link Instant#MAX}.
 * </ul>
 *
 * <p>Not modelled: the server being busy or not Ready, changes of {@code publicNetworkAccess}
 * itself over time, and firewall rule edits made while public access was disabled (which Azure
 * discards). Admission opens the door only: PostgreSQL authentication still applies.
 *
 * <p>The current rules (other than {@code 0.0.0.0}) are compiled into one sorted array of
 * address intervals, each knowing the earliest-changed rule that covers it, so a decision is one
 * binary search whatever the number of rules; recorded removals get a second such array.
 *
 * <pre>{@code
 * PublicAccess access = PublicAccess.of(FirewallRuleSet.of(
 *     FirewallRule.of("office", "203.0.113.0", "203.0.113.255")));
 * Verdict v = access.admit(Ipv4Address.parse("203.0.113.7"), Instant.parse("2024-05-01T12:00:00Z"));
 * v.disposition();   // ALLOWED, naming rule "office"
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class PublicAccess {
  /** The subject of steps about the endpoint when the server is not known. */
  static final String PUBLIC_ENDPOINT = "public endpoint";

  /**
   * Rules with no change instant (settled whatever the question's instant) first, then earliest
   * change first, then by name: if any rule covering an address is settled, the first is.
   */
  private static final Comparator<FirewallRule> RULE_PREFERENCE =
      Comparator.comparing((FirewallRule r) -> r.changedAt().orElse(null), Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
          .thenComparing(r -> Names.key(r.name()));

  private static final Comparator<FirewallRuleRemoval> REMOVAL_PREFERENCE =
      Comparator.comparing(FirewallRuleRemoval::removedAt, Comparator.reverseOrder())
          .thenComparing(r -> Names.key(r.name()))
          .thenComparing(FirewallRuleRemoval::name)
          .thenComparing(FirewallRuleRemoval::range);

  private final FirewallRuleSet rules;
  private final Optional<ResourceId> server;
  private final boolean vnetIntegrated;
  private final PublicNetworkAccess publicNetworkAccess;
  private final ServiceProfile profile;
  private final AddressSet azureRanges;
  private final Compiled compiled;
  /** The settings the input does not show, by ARM name: {@code publicNetworkAccess}, the networking mode. */
  private final ImmutableList<String> unknownSettings;
  private final boolean rulesComplete;

  private PublicAccess(
      FirewallRuleSet rules,
      Optional<ResourceId> server,
      boolean vnetIntegrated,
      PublicNetworkAccess publicNetworkAccess,
      ServiceProfile profile,
      AddressSet azureRanges,
      Compiled compiled,
      ImmutableList<String> unknownSettings,
      boolean rulesComplete) {
    this.rules = rules;
    this.server = server;
    this.vnetIntegrated = vnetIntegrated;
    this.publicNetworkAccess = publicNetworkAccess;
    this.profile = profile;
    this.azureRanges = azureRanges;
    this.compiled = compiled;
    this.unknownSettings = unknownSettings;
    this.rulesComplete = rulesComplete;
  }

  private PublicAccess with(PublicNetworkAccess access, ServiceProfile profile, AddressSet ranges, ImmutableList<String> unknown, boolean complete) {
    return new PublicAccess(rules, server, vnetIntegrated, access, profile, ranges, compiled, unknown, complete);
  }

  /**
   * Compiles a rule set for a public endpoint with public network access Enabled, under the
   * {@linkplain ServiceProfile#current() current} profile, with no Azure ranges known beyond what
   * each source says of itself.
   *
   * @param rules the rules
   * @return the compiled endpoint
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null rule set
   */
  public static PublicAccess of(FirewallRuleSet rules) {
    Names.notNull(rules, "PublicAccess.rules");
    return new PublicAccess(
        rules,
        Optional.empty(),
        false,
        PublicNetworkAccess.ENABLED,
        ServiceProfile.current(),
        AddressSet.EMPTY,
        new Compiled(rules),
        ImmutableList.of(),
        true);
  }

  /**
   * Compiles a server's rule set, taking {@code publicNetworkAccess} and the networking mode from
   * the server: a VNet-integrated server has no public endpoint, whatever its settings say. Where
   * the server's {@link FlexibleServer#unknownSettings()} say either is unknown, a source the rules
   * would admit is undecided, and one they would block is blocked (both possible settings block
   * it).
   *
   * @param server the server
   * @param rules its rules
   * @return the compiled endpoint
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null argument
   */
  public static PublicAccess of(FlexibleServer server, FirewallRuleSet rules) {
    Names.notNull(server, "PublicAccess.server");
    Names.notNull(rules, "PublicAccess.rules");
    ImmutableList.Builder<String> unknown = ImmutableList.builder();
    if (!server.isKnown(ServerSetting.NETWORKING)) {
      unknown.add("networking mode (VNet-integrated or not)");
    }
    boolean vnetIntegrated = server.isVnetIntegrated();
    if (!vnetIntegrated && !server.isKnown(ServerSetting.PUBLIC_NETWORK_ACCESS)) {
      unknown.add("publicNetworkAccess");
    }
    ImmutableList<String> unknownSettings = unknown.build();
    PublicNetworkAccess access = unknownSettings.contains("publicNetworkAccess") ? PublicNetworkAccess.ENABLED : server.publicNetworkAccess();
    return new PublicAccess(
        rules,
        Optional.of(server.id()),
        vnetIntegrated,
        access,
        ServiceProfile.current(),
        AddressSet.EMPTY,
        new Compiled(rules),
        unknownSettings,
        true);
  }

  /**
   * Returns this endpoint knowing whether its rule set holds all of the server's firewall rules. An
   * open input (Resource Graph, {@code az resource list}, a template) may show some rules or none:
   * then a source no known rule admits is undecided, never blocked, since a rule not shown may
   * admit it.
   *
   * @param complete whether the rules are all there are
   * @return the endpoint, sharing the compiled rules
   */
  public PublicAccess withRulesComplete(boolean complete) {
    return with(publicNetworkAccess, profile, azureRanges, unknownSettings, complete);
  }

  /**
   * Tells whether the rule set holds all of the server's firewall rules.
   *
   * @return whether the rules are complete; true unless {@link #withRulesComplete(boolean)} said otherwise
   */
  public boolean rulesComplete() {
    return rulesComplete;
  }

  /**
   * Tells whether the endpoint's settings are all known: whether it exists, and whether it enforces
   * the rules.
   *
   * @return whether no setting the decision depends on is unknown
   */
  public boolean settingsKnown() {
    return unknownSettings.isEmpty();
  }

  /**
   * Returns this endpoint under another service profile (which sets the propagation delay).
   *
   * @param profile the profile
   * @return the endpoint, sharing the compiled rules
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null profile
   */
  public PublicAccess withProfile(ServiceProfile profile) {
    Names.notNull(profile, "PublicAccess.profile");
    return with(publicNetworkAccess, profile, azureRanges, unknownSettings, rulesComplete);
  }

  /**
   * Returns this endpoint knowing that every address of {@code ranges} is Azure-allocated, for
   * example the ranges of the {@code AzureCloud} service tag the caller loaded.
   *
   * @param ranges addresses allocated by Azure
   * @return the endpoint, sharing the compiled rules
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null set
   */
  public PublicAccess withAzureRanges(AddressSet ranges) {
    Names.notNull(ranges, "PublicAccess.azureRanges");
    return with(publicNetworkAccess, profile, ranges, unknownSettings, rulesComplete);
  }

  /**
   * Returns this endpoint with another {@code publicNetworkAccess} setting.
   *
   * @param access the setting
   * @return the endpoint, sharing the compiled rules
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null setting
   */
  public PublicAccess withPublicNetworkAccess(PublicNetworkAccess access) {
    Names.notNull(access, "PublicAccess.publicNetworkAccess");
    ImmutableList<String> unknown =
        unknownSettings.stream().filter(u -> !u.equals("publicNetworkAccess")).collect(ImmutableList.toImmutableList());
    return with(access, profile, azureRanges, unknown, rulesComplete);
  }

  /**
   * Returns the rules.
   *
   * @return the rule set compiled
   */
  public FirewallRuleSet rules() {
    return rules;
  }

  /**
   * Returns the server, when known.
   *
   * @return its id, or empty
   */
  public Optional<ResourceId> server() {
    return server;
  }

  /**
   * Returns the {@code publicNetworkAccess} setting.
   *
   * @return the setting
   */
  public PublicNetworkAccess publicNetworkAccess() {
    return publicNetworkAccess;
  }

  /**
   * Returns the service profile.
   *
   * @return the profile
   */
  public ServiceProfile profile() {
    return profile;
  }

  /**
   * Returns the addresses known to be Azure-allocated beyond what each source says.
   *
   * @return the ranges
   */
  public AddressSet azureRanges() {
    return azureRanges;
  }

  /**
   * Tells whether the endpoint exists and enforces the rules: public network access is Enabled
   * and the server is not VNet-integrated.
   *
   * @return whether the rules are enforced
   */
  public boolean enforcesRules() {
    return !vnetIntegrated && publicNetworkAccess == PublicNetworkAccess.ENABLED;
  }

  /**
   * Tells whether the endpoint may enforce the rules: it does, or a setting that decides it is
   * unknown (see {@link #settingsKnown()}).
   *
   * @return whether some source may be admitted
   */
  public boolean mayEnforceRules() {
    return enforcesRules();
  }

  /**
   * Decides whether a known address, not known to be Azure-allocated (unless it is in {@link
   * #azureRanges()}), may open a connection at an instant.
   *
   * @param source the source address
   * @param at the question's instant
   * @return the verdict, naming the rule or setting that decided
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null argument
   */
  public Verdict admit(Ipv4Address source, Instant at) {
    return admit(FirewallSource.of(Names.notNull(source, "PublicAccess.admit.source")), at);
  }

  /**
   * Decides whether the source of a routed packet may open a connection at an instant.
   *
   * @param arrival where the packet arrived, with its source as seen there
   * @param at the question's instant
   * @return the verdict
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null argument
   */
  public Verdict admit(Arrival arrival, Instant at) {
    return admit(FirewallSource.from(Names.notNull(arrival, "PublicAccess.admit.arrival")), at);
  }

  /**
   * Decides whether a source may open a connection at an instant.
   *
   * @param source the source as the public endpoint sees it
   * @param at the question's instant
   * @return the verdict: {@link Disposition#ALLOWED} naming an admitting rule, {@link
   *     Disposition#BLOCKED} naming the setting or the absence of a rule, or {@link
   *     Disposition#INDETERMINATE} naming the propagating changes or the unknown source
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null argument
   */
  public Verdict admit(FirewallSource source, Instant at) {
    Names.notNull(source, "PublicAccess.admit.source");
    Names.notNull(at, "PublicAccess.admit.at");
    if (!enforcesRules()) {
      return Verdict.of(List.of(new FirewallStep.PublicNetworkAccessDisabled(server, vnetIntegrated)));
    }
    Verdict byRules = byRules(source, at);
    if (unknownSettings.isEmpty() || byRules.disposition() == Disposition.BLOCKED) {
      return byRules; // blocked whatever the unknown settings are: no public endpoint blocks too
    }
    List<Step> steps = new ArrayList<>(byRules.steps());
    String consequence =
        byRules.isAllowed()
            ? "the rules admit " + source + " (" + byRules.steps().get(byRules.steps().size() - 1).reason() + ")"
            : "whether the rules admit " + source + " is itself undecided";
    for (String setting : unknownSettings) {
      steps.add(new FirewallStep.SettingUnknown(server, setting, consequence));
    }
    return Verdict.of(steps);
  }

  /**
   * Decides, without a trace, whether a known address may open a connection at an instant: the
   * disposition {@link #admit(Ipv4Address, Instant)} gives, in one binary search for the common
   * cases. The rules without a change time (always settled) are merged into sorted int intervals
   * at compile time: an address in them is admitted. Where no rule or removal has a change time
   * and the rules are complete, an address outside them is refused, unless it is one of {@link
   * #azureRanges()} and the {@code 0.0.0.0} rule (a separate, small index: the Azure ranges) has
   * settled. Anything else (the propagation window, unknown settings) takes the traced path.
   *
   * @param source the source address
   * @param at the question's instant
   * @return the disposition of {@link #admit(Ipv4Address, Instant)}
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null argument
   */
  public Disposition decide(Ipv4Address source, Instant at) {
    Names.notNull(source, "PublicAccess.decide.source");
    Names.notNull(at, "PublicAccess.decide.at");
    if (!enforcesRules()) {
      return Disposition.BLOCKED;
    }
    if (unknownSettings.isEmpty()) {
      Compiled c = compiled;
      if (c.settled.contains(source.toBits())) {
        return Disposition.ALLOWED;
      }
      if (c.untimed && rulesComplete) {
        // Outside every rule: only the 0.0.0.0 rule may still admit, and only an Azure address.
        if (c.azureRules.length == 0 || !azureRanges.contains(source)) {
          return Disposition.BLOCKED;
        }
        if (settled(c.azureRules[0].changedAt(), at, profile.firewallPropagationDelay())) {
          return Disposition.ALLOWED;
        }
      }
    }
    return admit(FirewallSource.of(source), at).disposition();
  }

  /** The decision of the rules alone, for an endpoint that enforces them. */
  private Verdict byRules(FirewallSource source, Instant at) {
    Duration delay = profile.firewallPropagationDelay();
    boolean azure = source.azureAllocated() || source.address().map(azureRanges::contains).orElse(false);
    FirewallSource seen = azure == source.azureAllocated() ? source : new FirewallSource(source.address(), true);
    Compiled c = compiled;
    List<Step> steps = new ArrayList<>(2);
    if (source.address().isPresent()) {
      Ipv4Address a = source.address().get();
      int w = c.currentIndex.witness(a);
      if (w >= 0 && settled(c.current[w].changedAt(), at, delay)) {
        return Verdict.of(List.of(new FirewallStep.RuleMatched(c.current[w].name(), c.current[w].range(), seen)));
      }
      if (azure && c.azureRules.length > 0 && settled(c.azureRules[0].changedAt(), at, delay)) {
        return Verdict.of(List.of(new FirewallStep.AzureServicesAllowed(c.azureRules[0].name(), seen)));
      }
      if (w >= 0) {
        steps.add(propagating(c.current[w], seen));
      }
      int r = c.removedIndex.witness(a);
      if (r >= 0 && !settled(Optional.of(c.removed[r].removedAt()), at, delay)) {
        steps.add(propagating(c.removed[r], seen));
      }
    } else {
      if (c.allowAll.length > 0 && settled(c.allowAll[0].changedAt(), at, delay)) {
        return Verdict.of(List.of(new FirewallStep.RuleMatched(c.allowAll[0].name(), c.allowAll[0].range(), seen)));
      }
      if (azure && c.azureRules.length > 0 && settled(c.azureRules[0].changedAt(), at, delay)) {
        return Verdict.of(List.of(new FirewallStep.AzureServicesAllowed(c.azureRules[0].name(), seen)));
      }
    }
    if (azure && c.azureRules.length > 0) {
      steps.add(propagating(c.azureRules[0], seen));
    }
    if (azure && c.azureRemovals.length > 0 && !settled(Optional.of(c.azureRemovals[0].removedAt()), at, delay)) {
      steps.add(propagating(c.azureRemovals[0], seen));
    }
    if (source.address().isEmpty()) {
      int mayMatch = c.current.length;
      for (FirewallRuleRemoval removal : c.removed) {
        mayMatch += settled(Optional.of(removal.removedAt()), at, delay) ? 0 : 1;
      }
      if (mayMatch > 0) {
        steps.add(new FirewallStep.SourceUnknown(seen, mayMatch));
      }
    }
    if (!rulesComplete) {
      steps.add(new FirewallStep.RulesNotObserved(server, seen, rules.size()));
    } else if (steps.isEmpty()) {
      steps.add(new FirewallStep.NoRuleMatched(server, seen, rules.size()));
    }
    return Verdict.of(steps);
  }

  /**
   * Returns the addresses admitted at an instant by settled rules other than {@code 0.0.0.0}
   * (whatever public network access says): the firewall's merged intervals.
   *
   * @param at the question's instant
   * @return the admitted addresses
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null instant
   */
  public AddressSet admittedAddresses(Instant at) {
    Names.notNull(at, "PublicAccess.at");
    Duration delay = profile.firewallPropagationDelay();
    AddressSet.Builder b = AddressSet.builder();
    for (FirewallRule r : compiled.current) {
      if (settled(r.changedAt(), at, delay)) {
        b.add(r.range());
      }
    }
    return b.build();
  }

  /**
   * Returns the addresses whose admission at an instant depends on a change still propagating
   * (ignoring the {@code 0.0.0.0} rule, which depends on the source rather than its address), or,
   * when the rules are not complete, every address the known rules do not admit.
   *
   * @param at the question's instant
   * @return the undecided addresses, disjoint from {@link #admittedAddresses(Instant)}
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null instant
   */
  public AddressSet undecidedAddresses(Instant at) {
    Names.notNull(at, "PublicAccess.at");
    if (!rulesComplete) {
      return admittedAddresses(at).complement();
    }
    Duration delay = profile.firewallPropagationDelay();
    AddressSet.Builder b = AddressSet.builder();
    for (FirewallRule r : compiled.current) {
      if (!settled(r.changedAt(), at, delay)) {
        b.add(r.range());
      }
    }
    for (FirewallRuleRemoval r : compiled.removed) {
      if (!settled(Optional.of(r.removedAt()), at, delay)) {
        b.add(r.range());
      }
    }
    return b.build().difference(admittedAddresses(at));
  }

  private FirewallStep propagating(FirewallRule rule, FirewallSource source) {
    Instant changed = rule.changedAt().orElseThrow();
    return new FirewallStep.ChangePropagating(
        rule.name(), rule.range(), false, changed, settlesAt(changed, profile.firewallPropagationDelay()), source);
  }

  private FirewallStep propagating(FirewallRuleRemoval removal, FirewallSource source) {
    return new FirewallStep.ChangePropagating(
        removal.name(),
        removal.range(),
        true,
        removal.removedAt(),
        settlesAt(removal.removedAt(), profile.firewallPropagationDelay()),
        source);
  }

  /**
   * A change is settled at {@code at} when it happened no later than {@code at} and at least {@code
   * delay} before it; an unknown time is settled. Computed without instant arithmetic, so that it
   * holds for every instant, {@link Instant#MIN} and {@link Instant#MAX} included.
   */
  static boolean settled(Optional<Instant> changedAt, Instant at, Duration delay) {
    if (changedAt.isEmpty()) {
      return true;
    }
    Instant t = changedAt.get();
    return !t.isAfter(at) && Duration.between(t, at).compareTo(delay) >= 0;
  }

  /** When a change made at {@code changedAt} settles: {@code changedAt + delay}, or {@link Instant#MAX} past it. */
  static Instant settlesAt(Instant changedAt, Duration delay) {
    return Duration.between(changedAt, Instant.MAX).compareTo(delay) >= 0 ? changedAt.plus(delay) : Instant.MAX;
  }

  /** Returns the server (or {@code public endpoint}), the setting and the rule count. */
  @Override
  public String toString() {
    return "PublicAccess["
        + server.map(ResourceId::name).orElse(PUBLIC_ENDPOINT)
        + ", publicNetworkAccess="
        + publicNetworkAccess
        + (vnetIntegrated ? ", VNet-integrated" : "")
        + ", "
        + rules.size()
        + " rules, profile "
        + profile.name()
        + "]";
  }

  /** The rule set in the shape the decision needs; independent of time, profile and settings. */
  private static final class Compiled {
    /** Ordinary rules (not 0.0.0.0), earliest change first, then by name. */
    final FirewallRule[] current;
    final RangeIndex currentIndex;
    /** Removals of ordinary ranges, latest first. */
    final FirewallRuleRemoval[] removed;
    final RangeIndex removedIndex;
    /** The 0.0.0.0 rules, earliest change first. */
    final FirewallRule[] azureRules;
    /** Removals of 0.0.0.0 rules, latest first. */
    final FirewallRuleRemoval[] azureRemovals;
    /** Allow-all rules, earliest change first. */
    final FirewallRule[] allowAll;
    /** The ordinary rules without a change time, merged: settled at every instant. */
    final MergedIntervals settled;
    /** Whether no ordinary rule and no removal has a change time: nothing is ever propagating. */
    final boolean untimed;

    Compiled(FirewallRuleSet set) {
      List<FirewallRule> ordinary = new ArrayList<>();
      List<FirewallRule> azure = new ArrayList<>();
      for (FirewallRule r : set.rules()) {
        (r.isAllowAzureServices() ? azure : ordinary).add(r);
      }
      ordinary.sort(RULE_PREFERENCE);
      azure.sort(RULE_PREFERENCE);
      List<FirewallRuleRemoval> ordinaryRemovals = new ArrayList<>();
      List<FirewallRuleRemoval> azureRemoved = new ArrayList<>();
      for (FirewallRuleRemoval r : set.removals()) {
        (r.isAllowAzureServices() ? azureRemoved : ordinaryRemovals).add(r);
      }
      ordinaryRemovals.sort(REMOVAL_PREFERENCE);
      azureRemoved.sort(REMOVAL_PREFERENCE);
      this.current = ordinary.toArray(new FirewallRule[0]);
      this.currentIndex = RangeIndex.of(ordinary.stream().map(FirewallRule::range).collect(ImmutableList.toImmutableList()));
      this.removed = ordinaryRemovals.toArray(new FirewallRuleRemoval[0]);
      this.removedIndex =
          RangeIndex.of(ordinaryRemovals.stream().map(FirewallRuleRemoval::range).collect(ImmutableList.toImmutableList()));
      this.azureRules = azure.toArray(new FirewallRule[0]);
      this.azureRemovals = azureRemoved.toArray(new FirewallRuleRemoval[0]);
      this.allowAll = ordinary.stream().filter(FirewallRule::isAllowAll).toArray(FirewallRule[]::new);
      this.settled = MergedIntervals.of(ordinary.stream().filter(r -> r.changedAt().isEmpty()).map(FirewallRule::range).collect(ImmutableList.toImmutableList()));
      this.untimed = ordinary.stream().allMatch(r -> r.changedAt().isEmpty()) && set.removals().isEmpty();
    }
  }
}
