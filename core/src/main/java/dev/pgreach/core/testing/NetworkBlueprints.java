package dev.pgreach.core.testing;

import dev.pgreach.core.HighAvailabilityMode;
import dev.pgreach.core.NetworkValidation;
import dev.pgreach.core.NextHopType;
import dev.pgreach.core.ServerTier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * What a generated network is made of, as small choices: the blueprints {@link NetworkArbitraries}
 * draws, their arbitraries and the two edge cases (the smallest network, a hub with spokes). {@link
 * NetworkAssembly} turns a blueprint into a network.
 */
final class NetworkBlueprints {
  private static final int MAX_VIRTUAL_NETWORKS = 5;
  private static final int MAX_PAIRS = MAX_VIRTUAL_NETWORKS * (MAX_VIRTUAL_NETWORKS - 1) / 2;
  private static final int MAX_SUBNETS = 4;
  private static final int MAX_INTERFACES = 4;
  private static final int MAX_ROUTES = 4;
  private static final int MAX_SERVERS = 4;

  // The families a virtual network's first prefix comes from.
  private static final int FAMILY_10 = 0;
  static final int FAMILY_172 = 1;
  static final int FAMILY_192 = 2;

  // What a subnet is for.
  static final int PLAIN = 0;
  static final int SERVERS = 1;
  static final int WEB = 2;

  // Which links of a pair of virtual networks exist.
  private static final int UNPEERED = 0;
  static final int BOTH_WAYS = 1;
  static final int FORWARD_ONLY = 2;
  static final int REVERSE_ONLY = 3;

  // What a user route's prefix is taken from.
  private static final int TO_DEFAULT = 0;
  static final int TO_VIRTUAL_NETWORK = 1;
  static final int TO_ON_PREMISES = 2;
  static final int TO_SUBNET = 3;
  static final int TO_PUBLIC = 4;

  // A server's TLS settings.
  private static final int TLS_DEFAULT = 0;
  static final int TLS_UP_TO_1_3 = 1;
  static final int TLS_1_3_ONLY = 2;
  static final int TLS_1_2_ONLY = 3;
  static final int TLS_FROM_1_0 = 4;

  private NetworkBlueprints() {}

  /**
   * Everything one network is made of, as small choices that {@link NetworkAssembly} turns into a network.
   * Indices into lists that exist only once the network takes shape are taken modulo the list's
   * size, so every blueprint assembles and shrinking a choice towards zero simplifies it.
   */
  record Blueprint(
      Layout layout,
      List<VnetPlan> virtualNetworks,
      List<PeeringPlan> peerings,
      List<InterfacePlan> interfaces,
      Optional<RouteTablePlan> routeTable,
      List<ServerPlan> servers) {}

  /** Regions, the gateway and its on-premises network, the unconnected branch, and mistakes. */
  record Layout(
      int regionOffset,
      int regionCount,
      Optional<GatewayPlan> gateway,
      boolean branch,
      boolean mistakes) {}

  record VnetPlan(
      int region,
      int family,
      int octet,
      boolean secondPrefix,
      boolean customDns,
      List<SubnetPlan> subnets) {}

  record SubnetPlan(
      int length, int kind, boolean inSecondPrefix, int gap, boolean routeTable) {}

  /** One pair of virtual networks: which links exist, and each link's flags. */
  record PeeringPlan(int shape, LinkPlan forward, LinkPlan reverse) {}

  record LinkPlan(boolean access, boolean forwarded, boolean transit, boolean useRemote) {}

  record GatewayPlan(
      int hub, int prefix, boolean secondPrefix, boolean expressRoute, boolean dns) {}

  record InterfacePlan(int subnet, int host, boolean ipForwarding, boolean publicAddress) {}

  record RouteTablePlan(List<RoutePlan> routes, boolean entraId) {}

  record RoutePlan(int target, int pick, NextHopType nextHop, int appliance) {}

  record ServerPlan(AccessPlan access, SettingsPlan settings) {}

  record AccessPlan(
      boolean privateAccess,
      int place,
      int host,
      boolean addressKnown,
      int zone,
      boolean publicAddress,
      boolean toggled) {}

  record SettingsPlan(
      int stem,
      ServerTier tier,
      HighAvailabilityMode highAvailability,
      boolean pgBouncer,
      int tls,
      boolean secureTransport,
      String version) {}

  /** The blueprints of networks: random ones, and the two edge cases. */
  static Arbitrary<Blueprint> blueprints() {
    Arbitrary<Layout> layouts =
        Combinators.combine(
                choices(),
                Arbitraries.integers().between(1, 3).withDistribution(RandomDistribution.uniform()),
                gatewayPlans().optional(0.4),
                chance(15),
                chance(25))
            .as(Layout::new);
    Arbitrary<Blueprint> blueprints =
        Combinators.combine(
                layouts,
                sized(vnetPlans(), 1, MAX_VIRTUAL_NETWORKS),
                peeringPlans().list().ofSize(MAX_PAIRS),
                sized(interfacePlans(), 0, MAX_INTERFACES),
                routeTablePlans().optional(0.6),
                sized(serverPlans(), 0, MAX_SERVERS))
            .as(Blueprint::new);
    Blueprint[] edges = {smallest(), hubAndSpokes()};
    return blueprints
        .withoutEdgeCases()
        .edgeCases(config -> config.filter(derived -> false).add(edges));
  }

  private static Arbitrary<VnetPlan> vnetPlans() {
    Arbitrary<SubnetPlan> subnets =
        Combinators.combine(
                Arbitraries.integers()
                    .between(24, NetworkValidation.MAX_SUBNET_PREFIX_LENGTH)
                    .withDistribution(RandomDistribution.uniform()),
                Arbitraries.frequency(
                    Tuple.of(50, PLAIN), Tuple.of(35, SERVERS), Tuple.of(15, WEB)),
                chance(30),
                Arbitraries.frequency(Tuple.of(60, 0), Tuple.of(25, 1), Tuple.of(15, 2)),
                chance(60))
            .as(SubnetPlan::new);
    return Combinators.combine(
            choices(),
            Arbitraries.frequency(
                Tuple.of(60, FAMILY_10), Tuple.of(25, FAMILY_172), Tuple.of(15, FAMILY_192)),
            choices(),
            chance(30),
            chance(20),
            sized(subnets, 1, MAX_SUBNETS))
        .as(VnetPlan::new);
  }

  private static Arbitrary<PeeringPlan> peeringPlans() {
    Arbitrary<LinkPlan> links =
        Combinators.combine(chance(85), chance(50), chance(50), chance(40)).as(LinkPlan::new);
    return Combinators.combine(
            Arbitraries.frequency(
                Tuple.of(30, UNPEERED),
                Tuple.of(50, BOTH_WAYS),
                Tuple.of(10, FORWARD_ONLY),
                Tuple.of(10, REVERSE_ONLY)),
            links,
            links)
        .as(PeeringPlan::new);
  }

  private static Arbitrary<GatewayPlan> gatewayPlans() {
    return Combinators.combine(choices(), choices(), chance(40), chance(20), chance(50))
        .as(GatewayPlan::new);
  }

  private static Arbitrary<InterfacePlan> interfacePlans() {
    return Combinators.combine(choices(), choices(), chance(50), chance(30)).as(InterfacePlan::new);
  }

  private static Arbitrary<RouteTablePlan> routeTablePlans() {
    Arbitrary<RoutePlan> routes =
        Combinators.combine(
                Arbitraries.frequency(
                    Tuple.of(30, TO_DEFAULT),
                    Tuple.of(20, TO_VIRTUAL_NETWORK),
                    Tuple.of(15, TO_ON_PREMISES),
                    Tuple.of(20, TO_SUBNET),
                    Tuple.of(15, TO_PUBLIC)),
                choices(),
                Arbitraries.frequency(
                    Tuple.of(15, NextHopType.NONE),
                    Tuple.of(15, NextHopType.INTERNET),
                    Tuple.of(45, NextHopType.VIRTUAL_APPLIANCE),
                    Tuple.of(15, NextHopType.VNET_LOCAL),
                    Tuple.of(10, NextHopType.VIRTUAL_NETWORK_GATEWAY)),
                choices())
            .as(RoutePlan::new);
    return Combinators.combine(sized(routes, 1, MAX_ROUTES), chance(30)).as(RouteTablePlan::new);
  }

  private static Arbitrary<ServerPlan> serverPlans() {
    Arbitrary<AccessPlan> access =
        Combinators.combine(
                chance(55), choices(), choices(), chance(90), choices(), chance(60), chance(25))
            .as(AccessPlan::new);
    Arbitrary<SettingsPlan> settings =
        Combinators.combine(
                choices(),
                Arbitraries.frequency(
                    Tuple.of(50, ServerTier.GENERAL_PURPOSE),
                    Tuple.of(25, ServerTier.BURSTABLE),
                    Tuple.of(25, ServerTier.MEMORY_OPTIMIZED)),
                Arbitraries.frequency(
                    Tuple.of(60, HighAvailabilityMode.DISABLED),
                    Tuple.of(20, HighAvailabilityMode.SAME_ZONE),
                    Tuple.of(20, HighAvailabilityMode.ZONE_REDUNDANT)),
                chance(30),
                Arbitraries.frequency(
                    Tuple.of(60, TLS_DEFAULT),
                    Tuple.of(15, TLS_UP_TO_1_3),
                    Tuple.of(10, TLS_1_3_ONLY),
                    Tuple.of(10, TLS_1_2_ONLY),
                    Tuple.of(5, TLS_FROM_1_0)),
                Arbitraries.frequency(Tuple.of(80, true), Tuple.of(20, false)),
                Arbitraries.of("16", "17", "15", "14", "13"))
            .as(SettingsPlan::new);
    return Combinators.combine(access, settings).as(ServerPlan::new);
  }

  /** An index into a list not known yet, taken modulo its size; uniform, shrinking towards 0. */
  private static Arbitrary<Integer> choices() {
    return Arbitraries.integers().between(0, 1023).withDistribution(RandomDistribution.uniform());
  }

  /** True with the given chance in percent; shrinks towards false. */
  private static Arbitrary<Boolean> chance(int percent) {
    return Arbitraries.frequency(Tuple.of(100 - percent, false), Tuple.of(percent, true));
  }

  private static <T> Arbitrary<List<T>> sized(Arbitrary<T> element, int min, int max) {
    return element
        .list()
        .ofMinSize(min)
        .ofMaxSize(max)
        .withSizeDistribution(RandomDistribution.uniform());
  }

  /** One virtual network with one {@code /29} subnet. */
  private static Blueprint smallest() {
    LinkPlan plain = new LinkPlan(true, false, false, false);
    return new Blueprint(
        new Layout(0, 1, Optional.empty(), false, false),
        List.of(
            new VnetPlan(
                0,
                FAMILY_10,
                0,
                false,
                false,
                List.of(new SubnetPlan(29, PLAIN, false, 0, false)))),
        Collections.nCopies(MAX_PAIRS, new PeeringPlan(UNPEERED, plain, plain)),
        List.of(),
        Optional.empty(),
        List.of());
  }

  /**
   * A hub with a gateway to a datacenter and an appliance, a spoke in the same region that uses the
   * hub's gateway and sends everything through the appliance, and a spoke in another region whose
   * peering with the hub exists in one direction only; servers of every access mode.
   */
  private static Blueprint hubAndSpokes() {
    LinkPlan hubLink = new LinkPlan(true, true, true, false);
    LinkPlan spokeLink = new LinkPlan(true, true, false, true);
    LinkPlan none = new LinkPlan(true, false, false, false);
    List<PeeringPlan> peerings = new ArrayList<>();
    peerings.add(new PeeringPlan(BOTH_WAYS, hubLink, spokeLink));
    peerings.add(new PeeringPlan(FORWARD_ONLY, hubLink, none));
    while (peerings.size() < MAX_PAIRS) {
      peerings.add(new PeeringPlan(UNPEERED, none, none));
    }
    SettingsPlan standard =
        new SettingsPlan(
            1,
            ServerTier.GENERAL_PURPOSE,
            HighAvailabilityMode.DISABLED,
            false,
            TLS_DEFAULT,
            true,
            "16");
    return new Blueprint(
        new Layout(0, 2, Optional.of(new GatewayPlan(0, 0, true, false, true)), true, false),
        List.of(
            new VnetPlan(
                0,
                FAMILY_10,
                0,
                true,
                true,
                List.of(
                    new SubnetPlan(24, PLAIN, false, 0, false),
                    new SubnetPlan(28, SERVERS, true, 0, false))),
            new VnetPlan(
                0,
                FAMILY_172,
                0,
                false,
                false,
                List.of(
                    new SubnetPlan(26, PLAIN, false, 1, true),
                    new SubnetPlan(27, SERVERS, false, 0, true))),
            new VnetPlan(
                1,
                FAMILY_192,
                0,
                false,
                false,
                List.of(
                    new SubnetPlan(29, PLAIN, false, 0, false),
                    new SubnetPlan(28, SERVERS, false, 2, false)))),
        peerings,
        List.of(new InterfacePlan(0, 0, true, true), new InterfacePlan(1, 5, false, false)),
        Optional.of(
            new RouteTablePlan(
                List.of(
                    new RoutePlan(TO_DEFAULT, 0, NextHopType.VIRTUAL_APPLIANCE, 0),
                    new RoutePlan(TO_SUBNET, 4, NextHopType.VNET_LOCAL, 0)),
                true)),
        List.of(
            new ServerPlan(new AccessPlan(true, 0, 0, true, 0, false, false), standard),
            new ServerPlan(
                new AccessPlan(true, 1, 3, true, 1, false, false),
                new SettingsPlan(
                    4,
                    ServerTier.MEMORY_OPTIMIZED,
                    HighAvailabilityMode.ZONE_REDUNDANT,
                    true,
                    TLS_UP_TO_1_3,
                    true,
                    "17")),
            new ServerPlan(
                new AccessPlan(false, 1, 9, false, 0, true, false),
                new SettingsPlan(
                    0,
                    ServerTier.BURSTABLE,
                    HighAvailabilityMode.DISABLED,
                    false,
                    TLS_1_3_ONLY,
                    false,
                    "15")),
            new ServerPlan(new AccessPlan(false, 0, 0, false, 0, false, true), standard)));
  }
}
