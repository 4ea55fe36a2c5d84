package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.pgreach.privatelink.Estate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * No shape is misread: an estate written by {@link ArmExport} as REST bodies, then in every other
 * shape users have it in (flattened by Azure CLI, exported by PowerShell, returned by Resource
 * Graph, paged, split between two documents), gives the same canonical resources, and, read,
 * the same estate.
 */
class ArmShapesProperties {

  @Property(tries = 40)
  void everyShapeOfAListGivesTheSameCanonicalResources(@ForAll("estates") Estate estate, @ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int pages) {
    ArmExport written = ArmExport.write(estate);
    ArrayNode rest = ShapeWriters.realise(Shapes.json(written.resourcesJson()));
    ShapedInput reference = shaped(rest);
    assertTrue(reference.problems().isEmpty(), reference.problems()::toString);
    List<ShapedResource> expected = reference.resources();
    Random random = new Random(seed);

    assertSameResources(expected, shaped(ShapeWriters.flattened(rest)).resources(), "flattened");
    assertEquals(byId(expected), byId(shaped(ShapeWriters.powerShell(rest)).resources()), "PowerShell");
    assertEquals(lowerCaseIds(expected), lowerCaseIds(shaped(ShapeWriters.resourceGraph(rest)).resources()), "Resource Graph");
    List<JsonNode> cut = ShapeWriters.pages(rest, pages, random);
    assertSameResources(expected, shaped(Shapes.MAPPER.valueToTree(cut)).resources(), "pages in one document");
    assertSameResources(expected, ArmShapes.shape(documents(cut)).resources(), "pages as documents");
    List<ArrayNode> halves = ShapeWriters.split(rest, random);
    assertEquals(byId(expected), byId(ArmShapes.shape(documents(new ArrayList<>(halves))).resources()), "split in two and merged");
  }

  @Property(tries = 25)
  void everyShapeOfAListReadsAsTheSameEstate(@ForAll("estates") Estate estate, @ForAll long seed) {
    ArmExport written = ArmExport.write(estate);
    ArrayNode rest = ShapeWriters.realise(Shapes.json(written.resourcesJson()));
    Companion companion = written.companion();
    Map<String, JsonNode> expected = Shapes.estate(ArmImport.read(rest.toString(), companion));
    assertEquals(expected, Shapes.estate(ArmImport.read(ShapeWriters.flattened(rest).toString(), companion)), "flattened");
    assertEquals(expected, Shapes.estate(ArmImport.read(ShapeWriters.powerShell(rest).toString(), companion)), "PowerShell");
    List<ArrayNode> halves = ShapeWriters.split(rest, new Random(seed));
    assertEquals(expected, Shapes.estate(ArmImport.read(List.of(halves.get(0).toString(), halves.get(1).toString()), companion)), "split in two and merged");
  }

  @Property(tries = 25)
  void shapingCanonicalResourcesAgainChangesNothing(@ForAll("estates") Estate estate) {
    ArrayNode flattened = ShapeWriters.flattened(ShapeWriters.realise(Shapes.json(ArmExport.write(estate).resourcesJson())));
    List<ShapedResource> once = shaped(flattened).resources();
    ArrayNode canonical = Shapes.MAPPER.createArrayNode();
    once.forEach(r -> canonical.add(r.resource()));
    List<ShapedResource> twice = shaped(canonical).resources();
    assertSameResources(once, twice, "canonical resources are their own canonical form");
    assertTrue(twice.stream().allMatch(r -> r.form() == ResourceForm.REST));
  }

  @Property(tries = 25)
  void mergingADocumentWithItselfOrWithItsPropertiesNulledChangesNothing(@ForAll("estates") Estate estate) {
    ArrayNode rest = ShapeWriters.realise(Shapes.json(ArmExport.write(estate).resourcesJson()));
    List<ShapedResource> alone = shaped(rest).resources();
    assertSameResources(alone, ArmShapes.shape(documents(List.of(rest, rest))).resources(), "a document merged with itself");
    ArrayNode nulled = rest.deepCopy();
    nulled.forEach(r -> ((com.fasterxml.jackson.databind.node.ObjectNode) r).putNull("properties"));
    assertSameResources(alone, ArmShapes.shape(documents(List.of(rest, nulled))).resources(), "a later properties: null shows nothing");
  }

  // ------------------------------------------------------------------ helpers

  private static ShapedInput shaped(JsonNode document) {
    return ArmShapes.shape(Json.parse(document.toString(), "$"));
  }

  private static List<ArmDocument> documents(List<? extends JsonNode> trees) {
    List<ArmDocument> out = new ArrayList<>();
    for (int i = 0; i < trees.size(); i++) {
      out.add(ArmDocument.of("part-" + (i + 1) + ".json", trees.get(i).toString()));
    }
    return out;
  }

  /** Equal canonical resources, in the same order. */
  private static void assertSameResources(List<ShapedResource> expected, List<ShapedResource> actual, String shape) {
    assertEquals(expected.stream().map(ShapedResource::resource).toList(), actual.stream().map(ShapedResource::resource).toList(), shape);
  }

  private static Map<String, JsonNode> byId(List<ShapedResource> resources) {
    Map<String, JsonNode> out = new TreeMap<>();
    resources.forEach(r -> out.put(r.id().orElseThrow().toLowerCase(java.util.Locale.ROOT), r.resource()));
    return out;
  }

  private static Map<String, JsonNode> lowerCaseIds(List<ShapedResource> resources) {
    Map<String, JsonNode> out = new TreeMap<>();
    resources.forEach(r -> out.put(r.id().orElseThrow().toLowerCase(java.util.Locale.ROOT), Shapes.lowerIds(r.resource())));
    return out;
  }

  @Provide
  Arbitrary<Estate> estates() {
    return ArmEstateArbitraries.estates();
  }
}
