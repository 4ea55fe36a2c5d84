package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.firewall.FirewallRuleSet;
import dev.pgreach.privatelink.Connection;
import dev.pgreach.privatelink.Connectivity;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.EstateValidation;
import dev.pgreach.privatelink.SampleEstate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The bundled sample estate as ARM JSON plus a companion document reads to the same estate as the
 * Java sample, {@link SampleEstate#estate()}.
 *
 * <p>Equality is value equality after one canonical step: ARM holds firewall rules, not the
 * absence of them, so an empty rule set (the Java sample gives archive-db one) has no ARM form;
 * both sides are compared without empty rule sets, which mean the same as no entry.
 */
class SampleArmTest {
  private static final ArmImport READ = ArmImport.read(Resources.sampleResources(), Companion.parse(Resources.sampleCompanion()));

  /** The estate without empty firewall rule sets. */
  static Estate canonical(Estate e) {
    Map<ResourceId, FirewallRuleSet> rules = new LinkedHashMap<>();
    e.firewallRules().forEach((server, set) -> {
      if (!set.isEmpty() || !set.removals().isEmpty()) {
        rules.put(server, set);
      }
    });
    return Estate.builder()
        .network(e.network())
        .addAllNetworkSecurityGroups(e.networkSecurityGroups())
        .putAllFirewallRules(rules)
        .addAllPrivateDnsZones(e.privateDnsZones())
        .addAllDnsServers(e.dnsServers())
        .addAllPrivateEndpoints(e.privateEndpoints())
        .addAllClients(e.clients())
        .putAllPublicEndpointLabels(e.publicEndpointLabels())
        .azureRanges(e.azureRanges())
        .putAllServiceTagRanges(e.serviceTagRanges())
        .addAllDroppedServersWithPrivateEndpoints(e.droppedServersWithPrivateEndpoints())
        .build();
  }

  @Test
  void bundledSample_readsToTheJavaSample() {
    assertEquals(canonical(SampleEstate.estate()), READ.estate());
    assertEquals(canonical(SampleEstate.estate()), canonical(READ.estate()));
  }

  @Test
  void bundledSample_differsFromTheJavaSampleOnlyByAnEmptyRuleSet() {
    assertNotEquals(SampleEstate.estate().firewallRules(), READ.estate().firewallRules());
    assertEquals(FirewallRuleSet.empty(), SampleEstate.estate().firewallRules().get(ResourceId.parse(
        "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/data/providers/Microsoft.DBforPostgreSQL/flexibleServers/archive-db")));
  }

  @Test
  void bundledSample_givesTheSameAnswersAsTheJavaSample() {
    for (ServiceProfile profile : new ServiceProfile[] {ServiceProfile.current(), ServiceProfile.preview2021()}) {
      Connectivity java = Connectivity.of(SampleEstate.estate(), profile);
      Connectivity arm = Connectivity.of(READ.estate(), profile);
      for (SampleEstate.Question q : SampleEstate.questions()) {
        Connection a = java.connect(SampleEstate.estate().client(q.client()), q.target(), q.port(), SampleEstate.INSTANT);
        Connection b = arm.connect(READ.estate().client(q.client()), q.target(), q.port(), READ.instant().orElseThrow());
        assertEquals(a, b, q::toString);
      }
      assertEquals(EstateValidation.validate(SampleEstate.estate(), profile), EstateValidation.validate(READ.estate(), profile));
    }
  }

  @Test
  void bundledSample_carriesTheInstantAndReportsWhatItSkipped() {
    assertEquals(Optional.of(SampleEstate.INSTANT), READ.instant());
    assertEquals(Map.of("Microsoft.Compute/virtualMachines", 4, "Microsoft.Network/privateDnsZones/SOA", 1), READ.skippedTypes());
    assertEquals(0, READ.notes().size(), READ.notes()::toString);
  }
}
