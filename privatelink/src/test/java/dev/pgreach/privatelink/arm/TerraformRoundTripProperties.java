package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.Client;
import dev.pgreach.core.Disposition;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.privatelink.Comparison;
import dev.pgreach.privatelink.Connectivity;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.terraform.PlanWriter;
import dev.pgreach.privatelink.terraform.TerraformPlan;
import java.util.List;
import dev.pgreach.privatelink.terraform.StateWriter;
import dev.pgreach.privatelink.terraform.TerraformImport;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * An estate exported as ARM JSON, written as the Terraform state the azurerm provider would hold
 * for it, reads back as the ARM reading of what the state can carry: the Terraform front end and
 * the ARM reader agree, attribute by attribute.
 */
class TerraformRoundTripProperties {

  @Property(tries = 100)
  void aStateReadsAsTheArmItWasWrittenFrom(@ForAll("estates") Estate estate) {
    ArmExport exported = ArmExport.write(estate);
    StateWriter.Written state = StateWriter.write(exported.resourcesJson());
    Estate fromArm = ArmImport.read(state.visibleArm(), exported.companion()).estate();
    TerraformImport fromState = TerraformImport.readState(state.state(), exported.companion());
    assertEquals(fromArm, fromState.estate());
    assertTrue(fromState.notes().stream().noneMatch(n -> n.contains("never-printed")), "a sensitive value reached a note");
  }

  @Property(tries = 60)
  void aPlanThatChangesNothingBreaksNothing(@ForAll("estates") Estate estate) {
    ArmExport exported = ArmExport.write(estate);
    String state = StateWriter.write(exported.resourcesJson()).state();
    TerraformPlan plan = TerraformImport.readPlan(PlanWriter.noChanges(state), exported.companion());
    assertEquals(plan.before().estate(), plan.after().estate());
    Comparison c = plan.compare(ServiceProfile.current(), ArmEstateArbitraries.INSTANT);
    assertEquals(List.of(), c.forbiddenChanges());
    assertEquals(List.of(), c.accessChanges());
    assertEquals(List.of(), c.exposureChanges());
  }

  /**
   * Values known only after apply never make an answer ALLOWED that the known values do not: an
   * answer the unknowns reach is ALLOWED only where the known estate's is.
   */
  @Property(tries = 60)
  void valuesKnownOnlyAfterApplyNeverMakeAnAnswerAllowed(@ForAll("estates") Estate estate, @ForAll long seed) {
    ArmExport exported = ArmExport.write(estate);
    String state = StateWriter.write(exported.resourcesJson()).state();
    Estate known = TerraformImport.readState(state, exported.companion()).estate();
    TerraformPlan plan;
    try {
      plan = TerraformImport.readPlan(PlanWriter.someUnknown(state, seed), exported.companion());
    } catch (PgreachException e) {
      // A companion entry naming a resource the plan leaves unknown is a clear error, naming the entry.
      List<PgreachException> all = e.problems().isEmpty() ? List.of(e) : e.problems();
      assertTrue(all.stream().allMatch(TerraformRoundTripProperties::aboutTheCompanion), e::getMessage);
      Statistics.collect("the companion names what the plan leaves unknown");
      return;
    }
    Statistics.collect("read");
    Estate unknown = plan.after().estate();
    Connectivity k = Connectivity.of(known, ServiceProfile.current());
    Connectivity u = Connectivity.of(unknown, ServiceProfile.current());
    for (Client client : known.clients()) {
      for (FlexibleServer server : known.network().flexibleServers()) {
        Disposition a = k.connect(client, server.fullyQualifiedDomainName(), 5432, ArmEstateArbitraries.INSTANT).disposition();
        Disposition b = u.connect(unknown.client(client.name()), server.fullyQualifiedDomainName(), 5432, ArmEstateArbitraries.INSTANT).disposition();
        assertTrue(b != Disposition.ALLOWED || a == Disposition.ALLOWED, () -> client.name() + " -> " + server.name() + ": " + a + " when known, " + b + " with values known only after apply; " + plan.after().notes());
      }
    }
  }

  /** Whether a problem is a companion entry naming what the plan leaves unknown or outside the input. */
  private static boolean aboutTheCompanion(PgreachException p) {
    return p.code() == dev.pgreach.core.ErrorCode.DANGLING_REFERENCE || p.getMessage().contains("names a server that is not in the network");
  }

  @Provide
  Arbitrary<Estate> estates() {
    return ArmEstateArbitraries.estates();
  }
}
