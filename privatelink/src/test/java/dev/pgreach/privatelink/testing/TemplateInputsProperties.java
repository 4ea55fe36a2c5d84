package dev.pgreach.privatelink.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.privatelink.arm.ArmImport;
import dev.pgreach.privatelink.arm.TemplateFeature;
import dev.pgreach.privatelink.arm.TemplateOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The shipped template generators: every template feature occurs, and templates read back. */
class TemplateInputsProperties {
  private static final Pattern RESOURCE_LOOP = Pattern.compile("\"copy\": \\{");
  private static final Pattern PROPERTY_LOOP = Pattern.compile("\"copy\": \\[");

  /** Counts what one template shows, and checks that each occurs often enough over the run. */
  @Property(tries = 200)
  void everyTemplateFeatureOccurs(@ForAll TemplateInput input) {
    String t = input.templateJson();
    feature("Bicep 2.0 form", t.contains("\"languageVersion\": \"2.0\""), 30);
    feature("classic form", !t.contains("\"languageVersion\""), 30);
    feature("parameter with a default", t.contains("\"defaultValue\": \"[resourceGroup().location]\""), 20);
    feature("address prefixes parameter", t.contains("AddressPrefixes')]"), 20);
    feature("id variable", Pattern.compile("\"[A-Za-z0-9]+Id\": \"\\[resourceId\\(").matcher(t).find(), 20);
    feature("resource copy loop", RESOURCE_LOOP.matcher(t).find(), 12);
    feature("property copy loop", PROPERTY_LOOP.matcher(t).find(), 12);
    feature("copyIndex", t.contains("copyIndex("), 20);
    feature("format() name", t.contains("[format('{0}/{1}'"), 8);
    feature("nested deployment, inner scope", t.contains("\"scope\": \"inner\""), 50);
    feature("nested deployment in another subscription", t.contains("\"subscriptionId\": \""), 20);
    feature("firewall rules module", t.contains("\"[concat(parameters('serverName'), '/'"), 3);
    feature("module output read", t.contains(".outputs."), 10);
    feature("dependsOn", t.contains("\"dependsOn\""), 50);
  }

  private static void feature(String name, boolean present, double minimumPercent) {
    Statistics.label(name).collect(present);
    Statistics.label(name).coverage(c -> c.check(true).percentage(p -> p >= minimumPercent));
  }

  /** What the generator says it wrote is what the template holds. */
  @Property(tries = 60)
  void templatesReadBackAsTheirResourceLists(@ForAll TemplateInput input) {
    ArmInput list = ArmInput.of(input.estate());
    assertEquals(
        ArmImport.read(list.resourcesJson(), list.companion()).estate(),
        ArmImport.read(input.templateJson(), input.companion(), input.deployment()).estate());
    assertEquals(input.options().isBicep(), input.templateJson().contains("\"languageVersion\": \"2.0\""));
  }

  /** The options knob holds: the given options are the ones written with. */
  @Property(tries = 20)
  void optionsHold(@ForAll("bicepOnly") TemplateInput input) {
    assertEquals(TemplateOptions.defaults().bicep(true), input.options());
    assertTrue(input.templateJson().contains("\"languageVersion\": \"2.0\""));
  }

  @Provide
  Arbitrary<TemplateInput> bicepOnly() {
    return EstateArbitraries.templateInputs(EstateArbitraries.estates().onlyValid(), net.jqwik.api.Arbitraries.just(TemplateOptions.defaults().bicep(true)));
  }

  @Example
  void optionEdgeCasesAreEveryFeatureAndNone() {
    List<TemplateOptions> edges = new ArrayList<>();
    EstateArbitraries.templateOptions().edgeCases().forEach(s -> edges.add(s.value()));
    assertTrue(edges.contains(TemplateOptions.defaults()), edges::toString);
    assertTrue(edges.contains(TemplateOptions.defaults().bicep(true)), edges::toString);
    assertTrue(edges.contains(TemplateOptions.of(java.util.Set.of(), false)), edges::toString);
    assertTrue(edges.stream().allMatch(o -> o.features().stream().allMatch(f -> f instanceof TemplateFeature)));
  }

  @Example
  void nullArgumentsAreNamed() {
    PgreachException e = assertThrows(PgreachException.class, () -> EstateArbitraries.templateInputs(null));
    assertEquals(ErrorCode.MISSING_ATTRIBUTE, e.code());
    assertTrue(e.getMessage().contains("EstateArbitraries.templateInputs.estates"), e.getMessage());
    e = assertThrows(PgreachException.class, () -> EstateArbitraries.templateInputs(EstateArbitraries.estates(), null));
    assertTrue(e.getMessage().contains("EstateArbitraries.templateInputs.options"), e.getMessage());
  }
}
