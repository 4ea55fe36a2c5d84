package dev.pgreach.privatelink.arm.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** Laws of the evaluator. */
class TemplateProperties {
  private static List<ObjectNode> deploy(JsonNode template) {
    TemplateRun run = new TemplateRun();
    Target target = new Target(Optional.empty(), Optional.empty(), Optional.of("sub"), Optional.of("rg"), Optional.of("westeurope"), Values.F.textNode("main"), Optional.empty());
    run.run(new TemplateContext(run, template, "$", target, null, false, Map.of()));
    return run.deployed();
  }

  @Provide
  Arbitrary<JsonNode> literals() {
    Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
        Arbitraries.strings().alpha().numeric().withChars(" .-/_").ofMaxLength(12).map(Values.F::textNode),
        Arbitraries.integers().between(-1000, 1000).map(Values.F::numberNode),
        Arbitraries.of(true, false).map(Values.F::booleanNode));
    return Arbitraries.recursive(() -> leaf, inner -> Arbitraries.oneOf(
        inner.list().ofMaxSize(3).map(l -> {
          ArrayNode a = Values.array();
          l.forEach(a::add);
          return (JsonNode) a;
        }),
        Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6).filter(k -> !k.equalsIgnoreCase("copy")), inner).ofMaxSize(3).map(m -> {
          ObjectNode o = Values.object();
          m.forEach(o::set);
          return (JsonNode) o;
        })), 3);
  }

  private static ObjectNode template(List<JsonNode> properties) {
    ObjectNode t = Values.object();
    ArrayNode resources = t.putArray("resources");
    for (int i = 0; i < properties.size(); i++) {
      ObjectNode r = resources.addObject();
      r.put("type", "Microsoft.Network/virtualNetworks").put("name", "v" + i).put("location", "westeurope");
      r.set("properties", properties.get(i));
    }
    return t;
  }

  /** A template of literal values only deploys exactly the resources it writes, with their ids. */
  @Property(tries = 200)
  void aTemplateOfLiteralsDeploysItsResourcesAsWritten(@ForAll("literals") JsonNode a, @ForAll("literals") JsonNode b) {
    ObjectNode t = template(List.of(a, b));
    List<ObjectNode> out = deploy(t);
    assertEquals(2, out.size());
    for (int i = 0; i < 2; i++) {
      ObjectNode expected = ((ObjectNode) t.get("resources").get(i)).deepCopy();
      expected.put("id", "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v" + i);
      assertEquals(expected, out.get(i));
    }
  }

  /** Evaluating what an evaluation gave, written as a template again, changes nothing. */
  @Property(tries = 200)
  void evaluatingAnEvaluatedTemplateIsIdempotent(@ForAll("literals") JsonNode a, @ForAll @IntRange(min = 0, max = 6) int count) {
    ObjectNode t = template(List.of(a));
    ObjectNode loop = ((ObjectNode) t.get("resources").get(0));
    loop.put("name", "[format('v{0}', copyIndex())]");
    loop.putObject("copy").put("name", "loop").put("count", count);
    loop.put("tags", "[createObject('i', string(copyIndex(1)))]");
    List<ObjectNode> once = deploy(t);
    ObjectNode again = Values.object();
    ArrayNode resources = again.putArray("resources");
    once.forEach(r -> resources.add(r.deepCopy()));
    assertEquals(once, deploy(again));
  }

  /** A resource loop makes count resources, a property loop an array of count elements, each with its index. */
  @Property(tries = 100)
  void copyLoopsMakeCountInstances(@ForAll @IntRange(min = 0, max = 40) int resources, @ForAll @IntRange(min = 0, max = 40) int elements) {
    ObjectNode t = template(List.of(Values.object()));
    ObjectNode r = (ObjectNode) t.get("resources").get(0);
    r.put("name", "[concat('v', string(copyIndex()))]");
    r.putObject("copy").put("name", "vnets").put("count", "[" + resources + "]");
    ObjectNode subnetLoop = ((ObjectNode) r.get("properties")).putArray("copy").addObject();
    subnetLoop.put("name", "subnets").put("count", elements).putObject("input").put("name", "[format('s{0}-{1}', copyIndex('vnets'), copyIndex('subnets'))]");
    List<ObjectNode> out = deploy(t);
    assertEquals(resources, out.size());
    for (int i = 0; i < resources; i++) {
      JsonNode subnets = out.get(i).get("properties").get("subnets");
      assertEquals(elements, subnets.size());
      for (int k = 0; k < elements; k++) {
        assertEquals("s" + i + "-" + k, subnets.get(k).get("name").textValue());
      }
    }
  }

  /** uniqueString is 13 characters of the base32 alphabet and depends only on the joined text. */
  @Property(tries = 300)
  void uniqueStringIsThirteenBase32CharactersOfTheJoinedText(@ForAll @StringLength(max = 40) String x, @ForAll @StringLength(max = 40) String y) {
    String u = Hashes.uniqueString(x, y);
    assertTrue(u.matches("[a-z2-7]{13}"), u);
    assertEquals(u, Hashes.uniqueString(x + "-" + y));
    assertTrue(Hashes.guid(x, y).matches("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
  }
}
