package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgreach.core.Finding;
import dev.pgreach.core.Inventory;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Severity;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.EstateValidation;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The laws of validation in an open world, over generated estates written as ARM JSON and read
 * back.
 *
 * <p>Validation reports only what the input proves: the findings of severity warning or error of
 * an input with any one resource taken out are among those of the whole input (same code,
 * resource, field and value; what is not in the input can only turn a finding into advice or take
 * it away). And declaring a whole export complete, as a whole or inventory by inventory, changes
 * no finding: it validates exactly as the estate it was written from.
 */
class ValidationOpenWorldProperties {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Property(tries = 150)
  void removingOneResourceFromTheInputNeverAddsAWarningOrAnError(
      @ForAll("estates") Estate estate,
      @ForAll @IntRange(min = 0, max = 100_000) int which,
      @ForAll boolean keepDeclarations,
      @ForAll boolean preview) throws Exception {
    ServiceProfile profile = preview ? ServiceProfile.preview2021() : ServiceProfile.current();
    ArmExport written = ArmExport.write(estate);
    ArrayNode resources = (ArrayNode) MAPPER.readTree(written.resourcesJson());
    if (resources.isEmpty()) {
      return;
    }
    JsonNode removed = resources.remove(which % resources.size());
    String type = removed.path("type").asText();
    ObjectNode companion = (ObjectNode) MAPPER.readTree(written.companion().toJson());
    companion.remove("complete");
    if (keepDeclarations) {
      ArrayNode kinds = companion.putArray("complete");
      EnumSet<Inventory> kept = EnumSet.allOf(Inventory.class);
      kept.removeAll(OpenWorldProperties.touchedBy(type));
      kept.forEach(k -> kinds.add(k.inputName()));
    }
    Estate partial;
    try {
      partial = ArmImport.read(MAPPER.writeValueAsString(resources), Companion.parse(MAPPER.writeValueAsString(companion))).estate();
    } catch (PgreachException e) {
      assertTrue(e.getMessage().contains("companion $"), e::getMessage);
      Statistics.label("read").collect("refused: the companion names what was removed");
      return;
    }
    Set<String> whole = serious(EstateValidation.validate(estate, profile));
    List<Finding> partFindings = EstateValidation.validate(partial, profile);
    Set<String> part = serious(partFindings);
    Set<String> added = new TreeSet<>(part);
    added.removeAll(whole);
    Statistics.label("serious findings").collect(part.size() == whole.size() ? "same" : part.size() < whole.size() ? "fewer" : "more");
    assertTrue(
        added.isEmpty(),
        () -> "removing a " + type + " added " + added + "\nwhole: " + whole + "\npartial findings:\n"
            + partFindings.stream().filter(f -> added.contains(key(f))).map(Finding::toString).collect(Collectors.joining("\n")));
  }

  @Property(tries = 60)
  void declaringAWholeExportCompleteValidatesAsTheEstateItWasWrittenFrom(@ForAll("estates") Estate estate) throws Exception {
    ArmExport written = ArmExport.write(estate);
    Estate whole = ArmImport.read(written.resourcesJson(), written.companion()).estate();
    ObjectNode companion = (ObjectNode) MAPPER.readTree(written.companion().toJson());
    ArrayNode kinds = companion.putArray("complete");
    for (Inventory i : Inventory.values()) {
      kinds.add(i.inputName());
    }
    Estate byKinds = ArmImport.read(written.resourcesJson(), Companion.parse(MAPPER.writeValueAsString(companion))).estate();
    for (ServiceProfile profile : List.of(ServiceProfile.current(), ServiceProfile.preview2021())) {
      List<Finding> expected = EstateValidation.validate(estate, profile);
      assertEquals(expected, EstateValidation.validate(whole, profile), "declared whole");
      assertEquals(expected, EstateValidation.validate(byKinds, profile), "every inventory declared complete");
    }
  }

  @Property(tries = 60)
  void anOpenImportOfAWholeExportRaisesNoWarningTheEstateDoesNot(@ForAll("estates") Estate estate) throws Exception {
    ArmExport written = ArmExport.write(estate);
    ObjectNode companion = (ObjectNode) MAPPER.readTree(written.companion().toJson());
    companion.remove("complete");
    Estate open = ArmImport.read(written.resourcesJson(), Companion.parse(MAPPER.writeValueAsString(companion))).estate();
    Set<String> whole = serious(EstateValidation.validate(estate, ServiceProfile.current()));
    Set<String> part = serious(EstateValidation.validate(open, ServiceProfile.current()));
    assertTrue(whole.containsAll(part), () -> "open import added " + part.stream().filter(f -> !whole.contains(f)).collect(Collectors.toList()));
  }

  /**
   * The findings of severity warning or error, as code, resource and field: what each is about.
   * Its value is the evidence, which may shrink with the input (two registration zones of a
   * network where the whole estate shows three) without the finding being a new one.
   */
  private static Set<String> serious(List<Finding> findings) {
    return findings.stream()
        .filter(f -> f.severity() != Severity.ADVICE)
        .map(ValidationOpenWorldProperties::key)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String key(Finding f) {
    return f.code() + " " + f.resource() + "." + f.field();
  }

  @Provide
  Arbitrary<Estate> estates() {
    return ArmEstateArbitraries.estates();
  }
}
