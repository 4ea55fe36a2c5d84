package dev.pgreach.privatelink.testing;

import dev.pgreach.core.Client;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.PrivateEndpoint;
import dev.pgreach.privatelink.arm.TemplateFeature;
import dev.pgreach.privatelink.arm.TemplateOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of whole estates, for property tests of policies over Azure Database for
 * PostgreSQL networking, and of the ARM documents such estates are read from.
 *
 * <p>A generated estate holds every feature pgreach models: servers in every networking mode
 * (private access in delegated subnets, public access, and, in an open world, not known), firewall
 * rule sets (the Azure-services rule, allow-all, ranges, a change still propagating), network
 * security groups on subnets and on network interfaces, route tables with appliances, peerings in
 * both directions and in one, gateways to on-premises networks, private endpoints in every
 * connection state with DNS zone groups, private DNS zones linked to some networks (some links with
 * NxDomainRedirect), DNS servers that answer (custom servers forwarding to Azure-provided DNS, a
 * DNS Private Resolver inbound endpoint, on-premises servers forwarding to it), clients of every
 * kind, and the parts of an open world: resources referred to but outside the input, inventories
 * not observed, settings not known. See {@link EstateArbitrary} for the knobs and for how estates
 * shrink. The same estates come written as ARM resource lists ({@link #armInputs()}) and as
 * deployment templates ({@link #templateInputs()}), each with its companion document.
 *
 * <pre>{@code
 * @Property
 * void noServerIsOpenToTheInternet(@ForAll("estates") Estate estate) {
 *   IntentAssertions.assertThat(estate).satisfies(Intents.of(Intent.noServerReachableFromInternet()));
 * }
 *
 * @Provide
 * Arbitrary<Estate> estates() {
 *   return EstateArbitraries.estates().onlyValid().without(Feature.FIREWALL_RULES);
 * }
 * }</pre>
 *
 * <p>{@code @ForAll Estate estate} without a provider method works too: the module registers a
 * default provider (all features, mistakes included) with jqwik.
 *
 * <p>jqwik is not a run-time dependency of pgreach: put {@code net.jqwik:jqwik} on the test
 * classpath to use this package.
 */
public final class EstateArbitraries {
  /**
   * The instant generated estates are made for: firewall rule changes are dated shortly before it
   * (some still propagating), so questions about generated estates should be asked at it.
   */
  public static final Instant INSTANT = Instant.parse("2026-11-24T12:00:00Z");

  private EstateArbitraries() {}

  /**
   * Returns estates with every feature and with the mistakes validation catches; narrow them with
   * the knobs of {@link EstateArbitrary}.
   *
   * @return a new arbitrary
   */
  public static EstateArbitrary estates() {
    return new EstateArbitrary(EstateArbitrary.Options.DEFAULT);
  }

  /**
   * Returns estates with every feature that validation accepts under the current profile; the
   * same as {@code estates().onlyValid()}.
   *
   * @return a new arbitrary
   */
  public static EstateArbitrary validEstates() {
    return estates().onlyValid();
  }

  /**
   * Returns estates written as ARM JSON and companion documents with {@link
   * dev.pgreach.privatelink.arm.ArmExport}, for tests of tooling that reads or changes such
   * documents. The estates are closed-world ones (an export holds everything it names).
   *
   * @param estates the estates to write, for example {@code estates().onlyValid()}
   * @return the documents with the estates they were written from
   */
  public static Arbitrary<ArmInput> armInputs(EstateArbitrary estates) {
    Describe.notNull(estates, "EstateArbitraries.armInputs.estates");
    return estates.without(Feature.OPEN_WORLD).map(ArmInput::of);
  }

  /**
   * Returns ARM documents of estates with every feature, mistakes included.
   *
   * @return the documents with the estates they were written from
   */
  public static Arbitrary<ArmInput> armInputs() {
    return armInputs(estates());
  }

  /**
   * Returns estates written as deployment templates with companion documents by {@link
   * dev.pgreach.privatelink.arm.ArmTemplateExport}, with any of its features and in either form
   * ({@link #templateOptions()}), for tests of tooling that reads, writes or changes templates.
   * The estates are closed-world ones, as for {@link #armInputs(EstateArbitrary)}. Each shrinks
   * towards a small estate and towards a template with fewer features, in the classic form.
   *
   * @param estates the estates to write, for example {@code estates().onlyValid()}
   * @return the documents with the estates and options they were written from
   */
  public static Arbitrary<TemplateInput> templateInputs(EstateArbitrary estates) {
    Describe.notNull(estates, "EstateArbitraries.templateInputs.estates");
    return templateInputs(estates, templateOptions());
  }

  /**
   * Returns estates written as deployment templates with the given options.
   *
   * @param estates the estates to write
   * @param options the features and forms to write them with, for example {@code
   *     Arbitraries.just(TemplateOptions.defaults().bicep(true))}
   * @return the documents with the estates and options they were written from
   */
  public static Arbitrary<TemplateInput> templateInputs(EstateArbitrary estates, Arbitrary<TemplateOptions> options) {
    Describe.notNull(estates, "EstateArbitraries.templateInputs.estates");
    Describe.notNull(options, "EstateArbitraries.templateInputs.options");
    return Combinators.combine(estates.without(Feature.OPEN_WORLD), options).as(TemplateInput::of);
  }

  /**
   * Returns deployment templates of estates with every feature, mistakes included, with any
   * options.
   *
   * @return the documents with the estates and options they were written from
   */
  public static Arbitrary<TemplateInput> templateInputs() {
    return templateInputs(estates());
  }

  /**
   * Returns the options a template can be written with: every set of {@link TemplateFeature
   * features}, in the classic form and in Bicep's; edge cases are every feature and none, in both
   * forms. They shrink towards fewer features and the classic form.
   *
   * @return an arbitrary of options
   */
  public static Arbitrary<TemplateOptions> templateOptions() {
    Arbitrary<Set<TemplateFeature>> features = Arbitraries.of(TemplateFeature.class).set();
    return Combinators.combine(features, Arbitraries.of(false, true)).as(TemplateOptions::of)
        .edgeCases(c -> c.add(TemplateOptions.defaults(), TemplateOptions.defaults().bicep(true), TemplateOptions.of(Set.of(), false)));
  }

  /**
   * Returns the host names and addresses a question about the estate can target: every server's
   * name, private address and public address, every private endpoint's address.
   *
   * @param estate the estate
   * @return an arbitrary of targets, or of the one name {@code absent.postgres.database.azure.com}
   *     when the estate has none
   */
  public static Arbitrary<String> targetsOf(Estate estate) {
    Describe.notNull(estate, "EstateArbitraries.targetsOf.estate");
    List<String> targets = new ArrayList<>();
    for (FlexibleServer s : estate.network().flexibleServers()) {
      targets.add(s.fullyQualifiedDomainName());
      s.privateAddress().ifPresent(a -> targets.add(a.toString()));
      s.publicAddress().ifPresent(a -> targets.add(a.toString()));
    }
    for (PrivateEndpoint p : estate.privateEndpoints()) {
      targets.add(p.privateAddress().toString());
    }
    if (targets.isEmpty()) {
      targets.add("absent.postgres.database.azure.com");
    }
    return Arbitraries.of(targets);
  }

  /**
   * Returns the estate's clients, or one of {@code NetworkArbitraries.clients} for its network when
   * it has none.
   *
   * @param estate the estate
   * @return an arbitrary of clients valid for the estate
   */
  public static Arbitrary<Client> clientsOf(Estate estate) {
    Describe.notNull(estate, "EstateArbitraries.clientsOf.estate");
    if (!estate.clients().isEmpty()) {
      return Arbitraries.of(estate.clients());
    }
    return dev.pgreach.core.testing.NetworkArbitraries.clients(estate.network());
  }

  /**
   * Renders an estate compactly for people: one line per resource, names instead of resource ids
   * (a subnet as {@code network/subnet}), prefixes, rules, links and records written out, settings
   * at their defaults left out, and what an open-world input did not show.
   *
   * @param estate the estate
   * @return several lines of text
   */
  public static String describe(Estate estate) {
    Describe.notNull(estate, "EstateArbitraries.describe.estate");
    return Describe.estate(estate);
  }
}
