package dev.pgreach.privatelink.testing;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Network;
import dev.pgreach.core.NetworkValidation;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Severity;
import dev.pgreach.core.testing.NetworkArbitraries;
import dev.pgreach.privatelink.Estate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

/**
 * Generated whole estates, with fluent knobs. Every knob returns a new arbitrary; the receiver is
 * not changed. Start from {@link EstateArbitraries#estates()}.
 *
 * <pre>{@code
 * @Provide
 * Arbitrary<Estate> estates() {
 *   return EstateArbitraries.estates()
 *       .onlyValid()                        // EstateValidation reports no error
 *       .maxVirtualNetworks(3)
 *       .without(Feature.OPEN_WORLD);       // a closed world: what the estate holds is all there is
 * }
 * }</pre>
 *
 * <p><b>How estates are made.</b> A network from {@link NetworkArbitraries} (virtual networks,
 * subnets, peerings connected and one-way, gateways and on-premises networks, interfaces and
 * appliances, route tables, servers in both access modes) is combined with a list of numbers jqwik
 * draws, a tape of choices: each decision about the rest of the estate (which subnets get a network
 * security group and which rules it has, which servers get firewall rules and private endpoints,
 * which networks a zone is linked to, which clients there are, what the input did not show) reads
 * the next number, and a decision that finds the tape used up takes its plainest answer (leave it
 * out). Everything is built through the public builders.
 *
 * <p><b>Shrinking.</b> The network and the tape shrink independently and both shrink well: the
 * network towards one virtual network with one subnet (and, when a property needs one, one server),
 * the tape towards fewer and smaller numbers, that is towards an estate with less on top of its
 * network. A failing property therefore reports a small estate; {@link
 * EstateArbitraries#describe(Estate)} renders it (the registered report format does this for
 * jqwik's own reports).
 *
 * <p><b>Edge cases.</b> The network's edge cases (the smallest network; a hub and spokes in two
 * regions with a gateway, transit, a one-way peering, an appliance route and servers of both access
 * modes), each with nothing on top (an empty tape), with everything on top (a tape of the largest
 * choices: every subnet with a group, every server with rules and endpoints, every zone linked, as
 * many clients as allowed) and with the tape's own edge cases.
 */
public final class EstateArbitrary extends ArbitraryDecorator<Estate> {
  /** The most virtual networks a generated network has. */
  public static final int MAX_VIRTUAL_NETWORKS = 5;

  /** The most flexible servers a generated network has. */
  public static final int MAX_SERVERS = 4;

  private final Options options;

  EstateArbitrary(Options options) {
    this.options = options;
  }

  /**
   * The knobs of one generator.
   *
   * @param features what the estates may hold on top of their networks
   * @param valid whether only estates without validation errors are made
   * @param profile the service profile validity is judged under
   * @param maxVirtualNetworks the most virtual networks
   * @param maxServers the most flexible servers
   * @param maxClients the most clients
   * @param maxPrivateEndpoints the most private endpoints
   * @param tapeLength the most choices drawn for one estate
   */
  record Options(
      Set<Feature> features,
      boolean valid,
      ServiceProfile profile,
      int maxVirtualNetworks,
      int maxServers,
      int maxClients,
      int maxPrivateEndpoints,
      int tapeLength) {
    static final Options DEFAULT = new Options(EnumSet.allOf(Feature.class), false, ServiceProfile.current(), MAX_VIRTUAL_NETWORKS, MAX_SERVERS, 4, 6, 400);

    boolean has(Feature feature) {
      return features.contains(feature);
    }
  }

  Options options() {
    return options;
  }

  /**
   * Returns estates that validation accepts: {@code EstateValidation.validate(estate, profile)}
   * reports no finding of {@link Severity#ERROR} under the generator's profile. Warnings remain
   * (an endpoint pending approval, a zone not linked where a client asks).
   *
   * @return the changed arbitrary
   */
  public EstateArbitrary onlyValid() {
    return with(new Options(options.features, true, options.profile, options.maxVirtualNetworks, options.maxServers, options.maxClients, options.maxPrivateEndpoints, options.tapeLength));
  }

  /**
   * Returns estates that also carry the mistakes validation exists to catch (the default): a
   * spoke using a remote gateway that is not there, PgBouncer on the Burstable tier, a private
   * endpoint on a VNet-integrated server or in another region, firewall rules on a private-access
   * server, application security groups, a stale DNS record pointing a server's name at another
   * server's endpoint, a network naming a DNS server nothing answers.
   *
   * @return the changed arbitrary
   */
  public EstateArbitrary withMisconfigurations() {
    return with(new Options(options.features, false, options.profile, options.maxVirtualNetworks, options.maxServers, options.maxClients, options.maxPrivateEndpoints, options.tapeLength));
  }

  /**
   * Returns estates whose validity (with {@link #onlyValid()}) is judged under a profile, and whose
   * choices follow it (no NxDomainRedirect where it is ignored; under the 2021 preview, no firewall
   * rules on a server with private endpoints).
   *
   * @param profile the service profile
   * @return the changed arbitrary
   */
  public EstateArbitrary profile(ServiceProfile profile) {
    if (profile == null) {
      throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "EstateArbitrary.profile must not be null");
    }
    return with(new Options(options.features, options.valid, profile, options.maxVirtualNetworks, options.maxServers, options.maxClients, options.maxPrivateEndpoints, options.tapeLength));
  }

  /**
   * Returns estates without some features.
   *
   * @param features the features to leave out
   * @return the changed arbitrary
   */
  public EstateArbitrary without(Feature... features) {
    EnumSet<Feature> kept = EnumSet.allOf(Feature.class);
    kept.retainAll(options.features);
    Arrays.asList(features).forEach(kept::remove);
    return with(new Options(kept, options.valid, options.profile, options.maxVirtualNetworks, options.maxServers, options.maxClients, options.maxPrivateEndpoints, options.tapeLength));
  }

  /**
   * Returns estates with only some features (on top of the network every estate has).
   *
   * @param features the features to keep
   * @return the changed arbitrary
   */
  public EstateArbitrary only(Feature... features) {
    EnumSet<Feature> kept = EnumSet.noneOf(Feature.class);
    kept.addAll(Arrays.asList(features));
    return with(new Options(kept, options.valid, options.profile, options.maxVirtualNetworks, options.maxServers, options.maxClients, options.maxPrivateEndpoints, options.tapeLength));
  }

  /**
   * Returns estates with at most this many virtual networks (the networks with more are filtered
   * out; for small maxima jqwik discards more tries).
   *
   * @param max 1 to {@value #MAX_VIRTUAL_NETWORKS}
   * @return the changed arbitrary
   * @throws PgreachException {@link ErrorCode#INVALID_VALUE} for a maximum outside that range
   */
  public EstateArbitrary maxVirtualNetworks(int max) {
    requireBetween("maxVirtualNetworks", max, 1, MAX_VIRTUAL_NETWORKS);
    return with(new Options(options.features, options.valid, options.profile, max, options.maxServers, options.maxClients, options.maxPrivateEndpoints, options.tapeLength));
  }

  /**
   * Returns estates with at most this many flexible servers (the network's later servers are
   * left out).
   *
   * @param max 0 to {@value #MAX_SERVERS}
   * @return the changed arbitrary
   * @throws PgreachException {@link ErrorCode#INVALID_VALUE} for a maximum outside that range
   */
  public EstateArbitrary maxServers(int max) {
    requireBetween("maxServers", max, 0, MAX_SERVERS);
    return with(new Options(options.features, options.valid, options.profile, options.maxVirtualNetworks, max, options.maxClients, options.maxPrivateEndpoints, options.tapeLength));
  }

  /**
   * Returns estates with at most this many clients (default 4).
   *
   * @param max 0 to 50
   * @return the changed arbitrary
   * @throws PgreachException {@link ErrorCode#INVALID_VALUE} for a maximum outside that range
   */
  public EstateArbitrary maxClients(int max) {
    requireBetween("maxClients", max, 0, 50);
    return with(new Options(options.features, options.valid, options.profile, options.maxVirtualNetworks, options.maxServers, max, options.maxPrivateEndpoints, options.tapeLength));
  }

  /**
   * Returns estates with at most this many private endpoints (default 6).
   *
   * @param max 0 to 50
   * @return the changed arbitrary
   * @throws PgreachException {@link ErrorCode#INVALID_VALUE} for a maximum outside that range
   */
  public EstateArbitrary maxPrivateEndpoints(int max) {
    requireBetween("maxPrivateEndpoints", max, 0, 50);
    return with(new Options(options.features, options.valid, options.profile, options.maxVirtualNetworks, options.maxServers, options.maxClients, max, options.tapeLength));
  }

  private static void requireBetween(String knob, int value, int min, int max) {
    if (value < min || value > max) {
      throw PgreachException.of(ErrorCode.INVALID_VALUE, "EstateArbitrary.%s (%d) must be between %d and %d", knob, value, min, max);
    }
  }

  private EstateArbitrary with(Options changed) {
    return new EstateArbitrary(changed);
  }

  @Override
  @SuppressWarnings("unchecked") // jqwik's EdgeCases.Config.add takes varargs of the generic list type
  protected Arbitrary<Estate> arbitrary() {
    Options o = options;
    Arbitrary<Network> networks = o.valid ? NetworkArbitraries.validNetworks() : NetworkArbitraries.networks();
    if (o.maxVirtualNetworks < MAX_VIRTUAL_NETWORKS) {
      networks = networks.filter(n -> n.virtualNetworks().size() <= o.maxVirtualNetworks);
    }
    if (o.valid && !o.profile.name().equals(ServiceProfile.current().name())) {
      networks = networks.filter(n -> NetworkValidation.validate(n, o.profile).stream().noneMatch(f -> f.severity() == Severity.ERROR));
    }
    Arbitrary<List<Integer>> tape =
        Arbitraries.integers()
            .between(0, Choices.BOUND - 1)
            .withDistribution(RandomDistribution.uniform())
            .list()
            .ofMaxSize(o.tapeLength)
            .withSizeDistribution(RandomDistribution.uniform())
            // Besides the empty tape (nothing on top of the network): a full one, every feature present.
            .edgeCases(c -> c.add(java.util.Collections.nCopies(o.tapeLength, Choices.BOUND - 1)));
    return Combinators.combine(networks, tape).as((n, t) -> EstateAssembly.assemble(n, new Choices(t), o));
  }

  @Override
  public String toString() {
    return "EstateArbitrary" + options;
  }
}
