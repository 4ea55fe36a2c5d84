package dev.pgreach.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.testing.NetworkArbitraries;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of network validation over generated networks. */
class NetworkValidationProperties {

  @Property(tries = 300)
  void overlappingSubnetsAndPrefixes_areThoseAPairwiseComparisonFinds(@ForAll("networks") Network network) {
    Set<String> expected = new TreeSet<>();
    for (VirtualNetwork v : network.virtualNetworks()) {
      List<Ipv4Prefix> space = v.addressSpace();
      for (int i = 0; i < space.size(); i++) {
        for (int j = i + 1; j < space.size(); j++) {
          if (space.get(i).overlaps(space.get(j))) {
            expected.add(FindingCode.ADDRESS_SPACES_OVERLAP + " " + v.id() + " " + space.get(j) + " " + space.get(i));
          }
        }
      }
      List<Subnet> subnets = v.subnets();
      for (int i = 0; i < subnets.size(); i++) {
        for (int j = i + 1; j < subnets.size(); j++) {
          if (subnets.get(i).addressPrefix().overlaps(subnets.get(j).addressPrefix())) {
            expected.add(FindingCode.SUBNETS_OVERLAP + " " + subnets.get(j).id() + " " + subnets.get(j).addressPrefix() + " " + subnets.get(i).name());
          }
        }
      }
    }
    Set<String> actual =
        NetworkValidation.validate(network, ServiceProfile.current()).stream()
            .filter(f -> f.code() == FindingCode.ADDRESS_SPACES_OVERLAP || f.code() == FindingCode.SUBNETS_OVERLAP)
            .map(f -> f.code() + " " + f.resource() + " " + f.value() + " " + other(f))
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expected, actual);
  }

  /** The other prefix or subnet a finding names in its message. */
  private static String other(Finding f) {
    if (f.code() == FindingCode.ADDRESS_SPACES_OVERLAP) {
      return f.message().substring("Address prefixes ".length(), f.message().indexOf(" and "));
    }
    String m = f.message();
    int at = m.indexOf(" overlaps subnet ") + " overlaps subnet ".length();
    return m.substring(at, m.indexOf(' ', at));
  }

  @Property(tries = 300)
  void openingTheCoverageNeverAddsAWarningOrAnError(@ForAll("networks") Network network) {
    Network open =
        Network.builder()
            .addAllVirtualNetworks(network.virtualNetworks())
            .addAllNetworkInterfaces(network.networkInterfaces())
            .addAllRouteTables(network.routeTables())
            .addAllVirtualNetworkGateways(network.virtualNetworkGateways())
            .addAllGatewayConnections(network.gatewayConnections())
            .addAllOnPremisesNetworks(network.onPremisesNetworks())
            .addAllFlexibleServers(network.flexibleServers())
            .coverage(Coverage.open())
            .build();
    for (ServiceProfile profile : List.of(ServiceProfile.current(), ServiceProfile.preview2021())) {
      Set<String> closed = serious(NetworkValidation.validate(network, profile));
      Set<String> opened = serious(NetworkValidation.validate(open, profile));
      assertTrue(closed.containsAll(opened), () -> "opened: " + opened + "\nclosed: " + closed);
    }
  }

  private static Set<String> serious(List<Finding> findings) {
    return findings.stream()
        .filter(f -> f.severity() != Severity.ADVICE)
        .map(f -> f.code() + " " + f.resource() + "." + f.field() + " (" + f.value() + ")")
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Provide
  Arbitrary<Network> networks() {
    return NetworkArbitraries.networks();
  }
}
