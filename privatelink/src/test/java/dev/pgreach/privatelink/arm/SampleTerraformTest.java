package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.ServiceProfile;
import dev.pgreach.privatelink.Connection;
import dev.pgreach.privatelink.Connectivity;
import dev.pgreach.privatelink.EstateValidation;
import dev.pgreach.privatelink.SampleEstate;
import dev.pgreach.privatelink.terraform.StateWriter;
import dev.pgreach.privatelink.terraform.TerraformImport;
import org.junit.jupiter.api.Test;

/**
 * The bundled sample estate as the Terraform state the azurerm provider would hold for it (with
 * modules and for_each instances), read with the same companion document, answers every sample
 * question exactly as its ARM form does. What the state does not hold, the companion gives, as it
 * does for ARM: the state has no private endpoint connection's approval, so the companion names
 * the sample endpoint's ({@code Approved} in the ARM form).
 */
class SampleTerraformTest {
  private static final Companion COMPANION = Companion.parse(Resources.sampleCompanion());
  private static final ArmImport ARM = ArmImport.read(Resources.sampleResources(), COMPANION);
  private static final TerraformImport STATE =
      TerraformImport.readState(StateWriter.write(Resources.sampleResources()).state(), Companion.parse(withEndpointApproval(Resources.sampleCompanion())));

  /** The sample companion with the approval of the sample's private endpoint, which Terraform does not hold. */
  static String withEndpointApproval(String companion) {
    int end = companion.lastIndexOf('}');
    return companion.substring(0, end).stripTrailing() + ",\n  \"privateEndpoints\": [{\"name\": \"billing-db-pe\", \"connectionState\": \"Approved\"}]\n}\n";
  }

  @Test
  void sampleState_withoutTheApprovalIsUndecidedThroughTheEndpoint() {
    TerraformImport bare = TerraformImport.readState(StateWriter.write(Resources.sampleResources()).state(), COMPANION);
    Connection c = Connectivity.of(bare.estate(), ServiceProfile.current())
        .connect(bare.estate().client("billing-worker"), "billing-db.postgres.database.azure.com", 5432, SampleEstate.INSTANT);
    assertEquals(dev.pgreach.core.Disposition.INDETERMINATE, c.disposition(), c::toString);
  }

  @Test
  void sampleState_answersEverySampleQuestionAsTheArmFormDoes() {
    for (ServiceProfile profile : new ServiceProfile[] {ServiceProfile.current(), ServiceProfile.preview2021()}) {
      Connectivity arm = Connectivity.of(ARM.estate(), profile);
      Connectivity terraform = Connectivity.of(STATE.estate(), profile);
      for (SampleEstate.Question q : SampleEstate.questions()) {
        Connection a = arm.connect(ARM.estate().client(q.client()), q.target(), q.port(), SampleEstate.INSTANT);
        Connection b = terraform.connect(STATE.estate().client(q.client()), q.target(), q.port(), STATE.reading().instant().orElseThrow());
        assertEquals(a, b, q::toString);
      }
      assertEquals(EstateValidation.validate(ARM.estate(), profile), EstateValidation.validate(STATE.estate(), profile));
    }
  }

  @Test
  void sampleState_namesEachAddressAndSkipsNothingItMaps() {
    assertEquals(
        "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/data/providers/Microsoft.DBforPostgreSQL/flexibleServers/orders-db",
        STATE.addresses().get("module.db[\"orders-db\"].azurerm_postgresql_flexible_server.this").toString());
    assertTrue(STATE.skippedTypes().isEmpty(), STATE.skippedTypes()::toString);
  }
}
