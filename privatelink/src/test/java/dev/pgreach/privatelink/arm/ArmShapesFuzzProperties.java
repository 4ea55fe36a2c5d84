package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgreach.core.PgreachException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The test documents of every shape, with one value or one member's name replaced by something
 * hostile, are read or refused with the library's exception naming a path; nothing else escapes.
 */
class ArmShapesFuzzProperties {
  private static final String[] DOCUMENTS = {
    "az-postgres-flexible-server-list.json", "az-network-vnet-show.json", "powershell-get-azresource.json", "resource-graph-az-graph-query.json",
    "resource-graph-rest-table.json", "rest-list-firewall-rules.pages.json", "az-network-private-endpoint-show.json", "az-resource-list.json"
  };

  @Property(tries = 300)
  void aValueReplacedByAnythingIsReadOrRefusedWithAPath(
      @ForAll @IntRange(min = 0, max = 7) int document, @ForAll @IntRange(min = 0, max = 1_000_000) int where, @ForAll("hostile") JsonNode value) {
    JsonNode tree = Shapes.json(Shapes.text(DOCUMENTS[document]));
    List<Runnable> slots = new ArrayList<>();
    collect(tree, slots, value);
    slots.get(where % slots.size()).run();
    String mutated = tree.toString();
    refusedWithPath(() -> ArmImport.read(mutated), "$");
    refusedWithPath(() -> ArmImport.readDocuments(List.of(ArmDocument.of("a.json", mutated), Shapes.document("rest-resources.json")), Companion.empty()), "a.json $");
  }

  @Property(tries = 150)
  void aMemberRenamedInAnotherCaseIsReadOrRefusedWithAPath(@ForAll @IntRange(min = 0, max = 7) int document, @ForAll @IntRange(min = 0, max = 1_000_000) int where) {
    JsonNode tree = Shapes.json(Shapes.text(DOCUMENTS[document]));
    List<ObjectNode> objects = new ArrayList<>();
    objects(tree, objects);
    ObjectNode o = objects.get(where % objects.size());
    List<String> names = new ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    if (names.isEmpty()) {
      return;
    }
    String name = names.get(where % names.size());
    o.set(name.toUpperCase(java.util.Locale.ROOT) + (where % 2 == 0 ? "" : "x"), o.get(name));
    refusedWithPath(() -> ArmImport.read(tree.toString()), "$");
  }

  /** Read, or refused with every problem (several may be reported at once) naming a path. */
  private static void refusedWithPath(Runnable read, String root) {
    try {
      read.run();
    } catch (PgreachException e) {
      List<PgreachException> each = e.problems().isEmpty() ? List.of(e) : e.problems();
      for (PgreachException p : each) {
        assertTrue(p.getMessage().startsWith(root), p::getMessage);
      }
    }
  }

  private static void collect(JsonNode node, List<Runnable> slots, JsonNode value) {
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        slots.add(() -> o.set(name, value.deepCopy()));
        collect(o.get(name), slots, value);
      }
    } else if (node.isArray()) {
      ArrayNode a = (ArrayNode) node;
      for (int i = 0; i < a.size(); i++) {
        int index = i;
        slots.add(() -> a.set(index, value.deepCopy()));
        collect(a.get(i), slots, value);
      }
    }
  }

  private static void objects(JsonNode node, List<ObjectNode> out) {
    if (node.isObject()) {
      out.add((ObjectNode) node);
    }
    node.forEach(child -> objects(child, out));
  }

  @Provide
  Arbitrary<JsonNode> hostile() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return Arbitraries.of(
        f.nullNode(),
        f.textNode(""),
        f.textNode(" "),
        f.textNode("/subscriptions/x"),
        f.textNode("/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v"),
        f.textNode("microsoft.network/virtualnetworks"),
        f.numberNode(-1),
        f.numberNode(1e308),
        f.booleanNode(true),
        f.arrayNode(),
        f.arrayNode().add(f.nullNode()),
        f.arrayNode().add(f.objectNode()),
        f.objectNode(),
        f.objectNode().putNull("properties"),
        f.objectNode().put("id", "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v"),
        f.objectNode().put("ResourceId", "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v").put("ResourceType", "x/y"),
        f.objectNode().set("value", f.arrayNode()));
  }
}
