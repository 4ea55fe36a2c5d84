package dev.pgreach.privatelink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.firewall.FirewallRule;
import dev.pgreach.firewall.FirewallRuleSet;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Public sources, in exposure and in comparison, are always within {@link AddressSet#PUBLIC}. */
class PublicSourcesProperties {
  private static final Estate SAMPLE = SampleEstate.estate();

  @Provide
  Arbitrary<Estate> estates() {
    return EstateQuestions.estates();
  }

  @Property(tries = 80)
  void exposure_publicSourcesAndUndecidedSources_areWithinThePublicAddressSpace(@ForAll("estates") Estate estate) {
    Connectivity c = Connectivity.of(estate, ServiceProfile.current());
    for (FlexibleServer s : estate.network().flexibleServers()) {
      Exposure x = c.expose(s.id(), 5432, EstateQuestions.INSTANT);
      assertTrue(AddressSet.PUBLIC.containsAll(x.publicSources()), x::toString);
      assertTrue(AddressSet.PUBLIC.containsAll(x.publicUndecided()), x::toString);
    }
  }

  @Property(tries = 40)
  void comparison_gainsAndLossesAtPublicPlaces_areWithinThePublicAddressSpace(@ForAll("estates") Estate before, @ForAll("estates") Estate after) {
    Comparison c = Comparison.of(before, after, ServiceProfile.current(), EstateQuestions.INSTANT);
    for (Comparison.ExposureChange e : c.exposureChanges()) {
      if (e.place().startsWith("the public endpoint") || e.place().startsWith(Comparison.AZURE_SERVICES)) {
        assertTrue(AddressSet.PUBLIC.containsAll(e.gained()), e::toString);
        assertTrue(AddressSet.PUBLIC.containsAll(e.lost()), e::toString);
      }
    }
  }

  /** A server that admits every address (0.0.0.0-255.255.255.255) is exposed to exactly the public address space. */
  private static Estate allowingEveryAddress(Estate e) {
    return Estate.builder()
        .network(e.network())
        .addAllNetworkSecurityGroups(e.networkSecurityGroups())
        .putAllFirewallRules(Map.of(SampleEstate.server("web-db"), FirewallRuleSet.of(FirewallRule.of("everyone", "0.0.0.0", "255.255.255.255"))))
        .addAllPrivateDnsZones(e.privateDnsZones())
        .addAllDnsServers(e.dnsServers())
        .addAllPrivateEndpoints(e.privateEndpoints())
        .addAllClients(e.clients())
        .build();
  }

  @Test
  void exposure_firewallAdmittingEveryAddress_exposesExactlyThePublicAddressSpace() {
    Exposure x = Connectivity.of(allowingEveryAddress(SAMPLE)).expose(SampleEstate.server("web-db"), 5432, SampleEstate.INSTANT);
    assertEquals(AddressSet.PUBLIC, x.publicSources(), x::toString);
    assertTrue(!x.publicSources().contains(dev.pgreach.core.Ipv4Address.parse("127.0.0.1")));
    assertTrue(!x.publicSources().contains(dev.pgreach.core.Ipv4Address.parse("255.255.255.255")));
  }

  @Test
  void compare_openingAServerToEveryAddress_gainsOnlyPublicAddresses() {
    Comparison c = Comparison.of(SAMPLE, allowingEveryAddress(SAMPLE), ServiceProfile.current(), SampleEstate.INSTANT);
    Comparison.ExposureChange publicEndpoint =
        c.exposureChanges().stream().filter(e -> e.place().equals("the public endpoint")).findFirst().orElseThrow();
    assertTrue(AddressSet.PUBLIC.containsAll(publicEndpoint.gained()), publicEndpoint::toString);
    assertTrue(!publicEndpoint.gained().intersects(AddressSet.parse("0.0.0.0/8, 127.0.0.0/8, 169.254.0.0/16, 224.0.0.0/4, 240.0.0.0/4")));
  }

  @Test
  void exposure_builtWithNonPublicSources_isRefused() {
    Exposure x = Connectivity.of(SAMPLE).expose(SampleEstate.server("web-db"), 5432, SampleEstate.INSTANT);
    PgreachException e =
        assertThrows(
            PgreachException.class,
            () -> new Exposure(x.server(), x.port(), x.at(), x.privatePaths(), AddressSet.parse("127.0.0.0/8"), x.publicUndecided(), x.azureServices()));
    assertEquals(ErrorCode.INVALID_VALUE, e.code());
    assertTrue(e.getMessage().contains("Exposure.publicSources"), e.getMessage());
  }
}
