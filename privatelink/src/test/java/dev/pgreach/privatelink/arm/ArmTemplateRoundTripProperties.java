package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.testing.EstateArbitraries;
import java.util.EnumSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** An estate written as a template reads back as the same estate as its resource-list form. */
class ArmTemplateRoundTripProperties {

  @Property(tries = 250)
  void aTemplateReadsBackAsItsResourceList(@ForAll("estates") Estate estate, @ForAll("options") TemplateOptions options) {
    ArmExport list = ArmExport.write(estate);
    Estate expected = ArmImport.read(list.resourcesJson(), list.companion()).estate();
    ArmTemplateExport template = ArmTemplateExport.write(estate, options);
    ArmImport read = ArmImport.read(template.templateJson(), template.companion(), template.deployment());
    assertEquals(expected, read.estate(), template.templateJson());
  }

  /** The round trip over the estates the ARM export's own round trip uses: record sets, removals, labels, ranges. */
  @Property(tries = 80)
  void aTemplateOfAnyArmEstateReadsBackAsItsResourceList(@ForAll("armEstates") Estate estate, @ForAll("options") TemplateOptions options) {
    ArmExport list = ArmExport.write(estate);
    Estate expected = ArmImport.read(list.resourcesJson(), list.companion()).estate();
    ArmTemplateExport template = ArmTemplateExport.write(estate, options);
    assertEquals(expected, ArmImport.read(template.templateJson(), template.companion(), template.deployment()).estate(), template.templateJson());
  }

  @Provide
  Arbitrary<Estate> armEstates() {
    return ArmEstateArbitraries.estates();
  }

  @Provide
  Arbitrary<Estate> estates() {
    return EstateArbitraries.estates();
  }

  @Provide
  Arbitrary<TemplateOptions> options() {
    Arbitrary<Set<TemplateFeature>> features = Arbitraries.of(TemplateFeature.class).set().map(s -> s.isEmpty() ? EnumSet.noneOf(TemplateFeature.class) : EnumSet.copyOf(s));
    return Combinators.combine(features, Arbitraries.of(false, true)).as(TemplateOptions::of);
  }
}
