package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgreach.core.PgreachException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The sample's ARM JSON and companion document, cut short or with one value replaced by something
 * hostile, are either read or refused with the library's exception naming a JSON path; nothing
 * else ever escapes.
 */
class ArmFuzzProperties {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String RESOURCES = Resources.sampleResources();
  private static final String COMPANION = Resources.sampleCompanion();

  @Property(tries = 300)
  void aDocumentCutShortIsRefusedWithAPath(@ForAll @IntRange(min = 0, max = 100_000) int at) {
    String part = RESOURCES.substring(0, at % (RESOURCES.length() - 2));
    assertRefusedWithPath(() -> ArmImport.read(part), "$");
  }

  @Property(tries = 300)
  void aResourceValueReplacedByAnythingIsReadOrRefusedWithAPath(
      @ForAll @IntRange(min = 0, max = 1_000_000) int where, @ForAll("hostile") JsonNode value) throws Exception {
    JsonNode tree = MAPPER.readTree(RESOURCES);
    replace(tree, where, value);
    String mutated = MAPPER.writeValueAsString(tree);
    Companion companion = Companion.parse(COMPANION);
    assertRefusedWithPath(() -> ArmImport.read(mutated, companion), "$");
  }

  @Property(tries = 200)
  void aCompanionValueReplacedByAnythingIsReadOrRefusedWithAPath(
      @ForAll @IntRange(min = 0, max = 1_000_000) int where, @ForAll("hostile") JsonNode value) throws Exception {
    JsonNode tree = MAPPER.readTree(COMPANION);
    replace(tree, where, value);
    String mutated = MAPPER.writeValueAsString(tree);
    assertRefusedWithPath(() -> ArmImport.read(RESOURCES, Companion.parse(mutated)), "companion $");
  }

  private static void assertRefusedWithPath(Runnable read, String root) {
    try {
      read.run();
    } catch (PgreachException e) {
      assertTrue(e.getMessage().startsWith(root), e::getMessage);
    }
  }

  /** Replaces the value at one of the tree's positions (counted depth first) by another. */
  private static void replace(JsonNode tree, int where, JsonNode value) {
    List<BiConsumer<JsonNode, Void>> slots = new ArrayList<>();
    collect(tree, slots, value);
    if (!slots.isEmpty()) {
      slots.get(where % slots.size()).accept(value, null);
    }
  }

  private static void collect(JsonNode node, List<BiConsumer<JsonNode, Void>> slots, JsonNode value) {
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        slots.add((v, x) -> o.set(name, v));
        collect(o.get(name), slots, value);
      }
    } else if (node.isArray()) {
      ArrayNode a = (ArrayNode) node;
      for (int i = 0; i < a.size(); i++) {
        int index = i;
        slots.add((v, x) -> a.set(index, v));
        collect(a.get(i), slots, value);
      }
    }
  }

  @Provide
  Arbitrary<JsonNode> hostile() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return Arbitraries.of(
        f.nullNode(),
        f.textNode(""),
        f.textNode(" "),
        f.textNode("x".repeat(50_000)),
        f.textNode("[concat("),
        f.textNode("10.0.0.0/33"),
        f.textNode("::1"),
        f.textNode("/subscriptions/x"),
        f.numberNode(-1),
        f.numberNode(Long.MAX_VALUE),
        f.numberNode(new java.math.BigInteger("1" + "0".repeat(30))),
        f.numberNode(1e308),
        f.numberNode(0.5),
        f.booleanNode(true),
        f.arrayNode(),
        f.arrayNode().add(f.objectNode()),
        f.objectNode(),
        f.objectNode().put("id", "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v"));
  }
}
