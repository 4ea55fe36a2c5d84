package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.terraform.StateWriter;
import dev.pgreach.privatelink.terraform.TerraformImport;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

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

  @Provide
  Arbitrary<Estate> estates() {
    return ArmEstateArbitraries.estates();
  }
}
