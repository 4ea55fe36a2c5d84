package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pgreach.privatelink.Estate;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Writing an estate as ARM JSON and a companion document, then reading them back. */
class ArmRoundTripProperties {

  @Property(tries = 150)
  void anEstateWrittenAndReadBackIsTheSameEstate(@ForAll("estates") Estate estate) {
    ArmExport written = ArmExport.write(estate);
    ArmImport read = ArmImport.read(written.resourcesJson(), Companion.parse(written.companion().toJson()));
    assertEquals(estate, read.estate());
    assertEquals(0, read.skippedTypes().size());
  }

  @Property(tries = 50)
  void writingWhatWasReadGivesTheSameJson(@ForAll("estates") Estate estate) {
    ArmExport first = ArmExport.write(estate);
    ArmExport second = ArmExport.write(ArmImport.read(first.resourcesJson(), first.companion()).estate());
    assertEquals(first.resourcesJson(), second.resourcesJson());
    assertEquals(first.companion(), second.companion());
  }

  @Provide
  Arbitrary<Estate> estates() {
    return ArmEstateArbitraries.estates();
  }
}
