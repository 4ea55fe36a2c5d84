package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The shapes know every type the reader reads. */
class ArmTypesTest {

  @ParameterizedTest
  @EnumSource(ArmReader.Kind.class)
  void canonical_everyTypeTheReaderReads_inAnyCase(ArmReader.Kind kind) {
    assertEquals(Optional.of(kind.type), ArmTypes.canonical(kind.type.toLowerCase(Locale.ROOT)));
    assertEquals(Optional.of(kind.type), ArmTypes.canonical(kind.type.toUpperCase(Locale.ROOT)));
    ArmTypes.schemaOf(kind.type);
  }

  @Test
  void collections_childrenAndParentsAreDescribed() {
    for (ArmTypes.Collection c : ArmTypes.COLLECTIONS) {
      assertTrue(ArmTypes.canonical(c.parentType()).isPresent(), c::toString);
      assertTrue(ArmTypes.canonical(c.childType()).isPresent(), c::toString);
      assertTrue(ArmTypes.schemaOf(c.parentType()).subResource(c.member()).isPresent(), c + " is a sub-resource list of its parent");
      assertEquals(c.childType().substring(0, c.childType().lastIndexOf('/')), c.parentType());
    }
  }

  @Test
  void isEnvelope_aGatewaysSkuIsAProperty() {
    assertTrue(ArmTypes.isEnvelope(Optional.of(ArmReader.Kind.SERVER.type), "Sku"));
    assertFalse(ArmTypes.isEnvelope(Optional.of(ArmReader.Kind.GATEWAY.type), "sku"));
    assertFalse(ArmTypes.isEnvelope(Optional.empty(), "addressSpace"));
    assertEquals(Optional.empty(), ArmTypes.canonical("Microsoft.Compute/virtualMachines"));
  }

  @Test
  void canonicalId_fixedSegmentsAndTypesInAzuresSpellingNamesAsWritten() {
    assertEquals(
        "/subscriptions/s/resourceGroups/RG/providers/Microsoft.Network/virtualNetworks/Hub/subnets/App",
        ResourceForms.canonicalId("/SUBSCRIPTIONS/s/resourcegroups/RG/PROVIDERS/microsoft.network/virtualnetworks/Hub/SUBNETS/App", ArmReader.Kind.SUBNET.type));
    assertEquals("/odd", ResourceForms.canonicalId("/odd", ArmReader.Kind.SUBNET.type));
  }
}
